package id.modo.verse.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The one SMTP server (GreenMail) every Spring test context of this JVM sends to, started on first
 * use on a free port of 127.0.0.1 and stopped when the JVM exits, as {@link TestDatabase} does for
 * PostgreSQL. {@link TestDatabaseContextCustomizerFactory} points {@code modo.mail.*} at it, so every
 * test context uses the real SMTP path. Tests tell their mails apart by unique recipients.
 */
public final class TestSmtp {

    public static final String HOST = "127.0.0.1";
    private static volatile TestSmtp instance;

    private final int port;
    private GreenMail server;

    private TestSmtp(int port) {
        this.port = port;
    }

    public static TestSmtp get() {
        if (instance == null) {
            synchronized (TestSmtp.class) {
                if (instance == null) {
                    TestSmtp smtp = new TestSmtp(freePort());
                    smtp.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "test-smtp-stop"));
                    instance = smtp;
                }
            }
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again, after {@link #stop()}) on the same port; mails received before are gone. */
    public synchronized void start() {
        if (server == null || !server.isRunning()) {
            server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server, so that senders meet a refused connection: "SMTP is down". */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The mails received for this address since the server last started. */
    public synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** The text/plain part of a mail (or its body when it is not multipart), with SMTP's CRLF line ends as \n. */
    public static String text(MimeMessage message) {
        return lines(part(message, "text/plain"));
    }

    /** The text/html part of a mail, or {@code null}, with SMTP's CRLF line ends as \n. */
    public static String html(MimeMessage message) {
        return lines(part(message, "text/html"));
    }

    private static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            var to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test SMTP server", e);
        }
    }
}
