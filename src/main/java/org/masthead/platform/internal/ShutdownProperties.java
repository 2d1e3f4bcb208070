package org.masthead.platform.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param drain how long a node that is told to stop keeps serving while its health check already says
 *     {@code OUT_OF_SERVICE}, before it closes its port: longer than it takes the load balancer's health
 *     probe to mark it down (deploy/cluster.sh gives 4s for its Varnish), so that no request is sent to
 *     a closed port. None by default: a node alone has no one to hand its readers to.
 */
@ConfigurationProperties("masthead.shutdown")
record ShutdownProperties(@DefaultValue("0s") Duration drain) {

    ShutdownProperties {
        if (drain.isNegative()) {
            throw new IllegalArgumentException("masthead.shutdown.drain must not be negative");
        }
    }
}
