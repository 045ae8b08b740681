package dev.culprit.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server on a loopback socket that answers from a script, to drive the client into
 * the replies a real server gives only in trouble: 421, 451, 550, 535. Every command it receives
 * is recorded.
 */
public final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile int connections;

    public ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Sets the reply to a command: keys are {@code greeting}, {@code EHLO}, {@code AUTH},
     * {@code MAIL}, {@code RCPT} or {@code RCPT <address>}, {@code DATA} (the reply after the
     * message). Defaults are the success replies.
     */
    public ScriptedSmtpServer reply(String command, String reply) {
        replies.put(command.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    public int connections() {
        return connections;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                connections++;
                talk(s);
            } catch (IOException e) {
                // the client hung up, or the server was closed
            }
        }
    }

    private void talk(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        String greeting = replies.getOrDefault("GREETING", "220 scripted.test ESMTP");
        send(out, greeting);
        if (greeting.startsWith("4") || greeting.startsWith("5")) {
            return;
        }
        for (String line; (line = in.readLine()) != null; ) {
            commands.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> send(out, replies.getOrDefault("EHLO", "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME"));
                case "AUTH" -> send(out, replies.getOrDefault("AUTH", "235 2.7.0 Authentication successful"));
                case "MAIL" -> send(out, replies.getOrDefault("MAIL", "250 2.1.0 Ok"));
                case "RCPT" -> {
                    String address = line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1").toUpperCase(Locale.ROOT);
                    send(out, replies.getOrDefault("RCPT " + address, replies.getOrDefault("RCPT", "250 2.1.5 Ok")));
                }
                case "DATA" -> {
                    send(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String l; (l = in.readLine()) != null && !l.equals("."); ) {
                        // the message itself is not kept
                    }
                    send(out, replies.getOrDefault("DATA", "250 2.0.0 Ok: queued"));
                }
                case "RSET", "NOOP" -> send(out, "250 2.0.0 Ok");
                case "QUIT" -> {
                    send(out, "221 2.0.0 Bye");
                    return;
                }
                default -> send(out, "502 5.5.2 Error: command not recognized");
            }
            String last = commands.isEmpty() ? "" : commands.get(commands.size() - 1);
            if (replies.getOrDefault("CLOSE-AFTER", "").equalsIgnoreCase(verb) && !last.isEmpty()) {
                return;
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
