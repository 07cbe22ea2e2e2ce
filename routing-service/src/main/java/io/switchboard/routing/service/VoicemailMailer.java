package io.switchboard.routing.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/** E-mails a new voicemail's notification once the message is stored. */
@ApplicationScoped
public class VoicemailMailer {

    private static final Logger LOG = Logger.getLogger(VoicemailMailer.class);

    private final Mailer mailer;

    public VoicemailMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoicemailService.MessageArrived message) {
        try {
            Mail mail = Mail.withText(message.to(), "New voicemail from " + message.caller(),
                    message.boxOwner() + " has a new voicemail from " + message.caller() + " (" + message.seconds()
                            + " s) left at " + message.at() + ".\n\nListen to it in Contact Center Pro.\n");
            message.cc().forEach(mail::addCc);
            mailer.send(mail);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not e-mail the voicemail notification to %s", message.to());
        }
    }
}
