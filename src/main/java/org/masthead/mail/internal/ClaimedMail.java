package org.masthead.mail.internal;

import org.masthead.mail.Mail;

/**
 * A message a sender has claimed for one attempt.
 *
 * @param attempt which attempt this is, from 1
 */
public record ClaimedMail(long id, int attempt, Mail mail) {}
