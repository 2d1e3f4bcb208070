import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A bare server that answers every request with one page's bytes and headers, as the app's page cache
 * does, and nothing else: Jetty (the app's version, one selector per CPU, a non-blocking core handler with
 * pre-encoded headers answering on the selector's thread, as the app's PageCacheHandler does) or Tomcat
 * (which the app ran on before: the page written from an engine valve with its headers as bytes). It
 * tells how much of a cached page's cost is the server's own.
 *
 *   java -cp 'bench/out/connectors/*' bench/Connectors.java tomcat|jetty PORT PAGE HEADERS
 *
 * HEADERS holds one "Name: value" per line, the page's headers as the app sends them.
 */
public class Connectors {

    record Header(String name, String value) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        byte[] page = Files.readAllBytes(Path.of(args[2]));
        List<Header> headers = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[3]), StandardCharsets.ISO_8859_1)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        switch (args[0]) {
            case "tomcat" -> tomcat(port, page, headers);
            case "jetty" -> jetty(port, page, headers);
            default -> throw new IllegalArgumentException("tomcat or jetty, not " + args[0]);
        }
    }

    static void tomcat(int port, byte[] page, List<Header> headers) throws Exception {
        List<byte[][]> raw = headers.stream()
                .map(h -> new byte[][] {
                    h.name().getBytes(StandardCharsets.ISO_8859_1), h.value().getBytes(StandardCharsets.ISO_8859_1)
                })
                .toList();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // The connector settings the app had on Tomcat.
        tomcat.getConnector().setProperty("socket.appWriteBufSize", String.valueOf(64 * 1024));
        tomcat.getConnector().setProperty("socket.directBuffer", "true");
        tomcat.getConnector().setProperty("maxKeepAliveRequests", "-1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "none", new jakarta.servlet.http.HttpServlet() {});
        context.addServletMappingDecoded("/", "none");
        tomcat.getEngine().getPipeline().addValve(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException {
                var mime = response.getCoyoteResponse().getMimeHeaders();
                for (byte[][] header : raw) {
                    mime.addValue(header[0], 0, header[0].length).setBytes(header[1], 0, header[1].length);
                }
                response.setContentLength(page.length);
                response.getOutputStream().write(page);
            }
        });
        tomcat.start();
        tomcat.getServer().await();
    }

    static void jetty(int port, byte[] page, List<Header> headers) throws Exception {
        List<PreEncodedHttpField> fields = headers.stream()
                .map(h -> new PreEncodedHttpField(h.name(), h.value()))
                .toList();
        PreEncodedHttpField length = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, String.valueOf(page.length));
        ByteBuffer body = ByteBuffer.wrap(page).asReadOnlyBuffer();
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        int selectors = Runtime.getRuntime().availableProcessors();
        ServerConnector connector = new ServerConnector(server, -1, selectors, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(
                    org.eclipse.jetty.server.Request request,
                    org.eclipse.jetty.server.Response response,
                    Callback callback) {
                var out = response.getHeaders();
                fields.forEach(out::add);
                out.add(length);
                response.setStatus(200);
                response.write(true, body.slice(), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
