package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XXE and entity-expansion documents are refused at their DOCTYPE, before any entity is declared, expanded or
 * fetched: a local listener proves no connection is made, a secret file's content appears nowhere, and nothing reaches
 * the sink.
 */
class GreenButtonReaderSecurityTest {
    private static final String REFUSED = "line 2: DOCTYPE declarations are refused: a Green Button file needs no DTD,"
            + " and none is ever loaded or expanded (no external entities, no entity expansion)";

    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(100);
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    listener.accept().close();
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // poll again until closed
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.start();
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
        acceptor.join(2000);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    private static String usage(String valueText) {
        return Documents.feedWith(Documents.WH_15_MIN, Documents.reading("1330578000", "900", valueText))
                .replaceFirst("<\\?xml[^>]*>\\n", "");
    }

    private void assertRefused(String document) throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        byte[] bytes = document.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                        () -> new GreenButtonReader().read(() -> new java.io.ByteArrayInputStream(bytes), sink))
                .isInstanceOf(ImportRejected.class)
                .hasMessage(REFUSED));
        Thread.sleep(300); // let a late connection, if one were made, be counted
        assertThat(connections).hasValue(0);
        assertThat(sink.rows).isEmpty();
        assertThat(sink.begins).isZero();
    }

    @Test
    void refusesAnExternalFileEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "42");
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + usage("&xxe;");
        assertRefused(document);
    }

    @Test
    void refusesAnExternalNetworkEntity() throws Exception {
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"" + url("/value") + "\">]>\n"
                + usage("&xxe;");
        assertRefused(document);
    }

    @Test
    void refusesAnExternalDtd() throws Exception {
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed SYSTEM \"" + url("/evil.dtd") + "\">\n" + usage("1");
        assertRefused(document);
    }

    @Test
    void refusesAParameterEntityThatWouldFetchADtd() throws Exception {
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY % remote SYSTEM \"" + url("/p.dtd")
                + "\"> %remote;]>\n" + usage("1");
        assertRefused(document);
    }

    @Test
    void refusesBillionLaughs() throws Exception {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE feed [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"");
            doctype.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String document = "<?xml version=\"1.0\"?>\n" + doctype + "]>\n" + usage("&lol9;");
        assertRefused(document);
    }

    @Test
    void refusesEvenAHarmlessDoctype() throws Exception {
        assertRefused("<?xml version=\"1.0\"?>\n<!DOCTYPE feed>\n" + usage("1"));
    }
}
