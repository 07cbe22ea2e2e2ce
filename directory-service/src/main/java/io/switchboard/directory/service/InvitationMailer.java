package io.switchboard.directory.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/** E-mails invitations once the user they invite is committed. */
@ApplicationScoped
public class InvitationMailer {

    private static final Logger LOG = Logger.getLogger(InvitationMailer.class);

    private final Mailer mailer;

    public InvitationMailer(Mailer mailer) {
        this.mailer = mailer;
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationService.InvitationIssued invitation) {
        try {
            mailer.send(Mail.withText(invitation.email(), "You're invited to Switchboard",
                    "Hi " + invitation.firstName() + ",\n\n"
                            + "Your admin invited you to Switchboard. Set your password here:\n\n"
                            + invitation.link() + "\n\n"
                            + "The link works once and expires at " + invitation.expiresAt() + ".\n"));
        } catch (RuntimeException e) {
            // The user exists and "Invite sent" is recorded; the admin can resend. Never log the link: it is a credential.
            LOG.errorf(e, "could not e-mail the invitation to %s", invitation.email());
        }
    }
}
