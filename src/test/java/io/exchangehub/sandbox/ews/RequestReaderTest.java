package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileContent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static XmlIn read(RequestReader reader, String xml) throws Exception {
        return reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void elementsAreFoundByLocalNameWhateverPrefixesTheClientUses() throws Exception {
        String evolution = "<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body "
                + "xmlns:messages=\"" + Soap.MESSAGES + "\"><messages:CreateFolder xmlns=\"" + Soap.TYPES + "\">"
                + "<messages:ParentFolderId><DistinguishedFolderId Id=\"msgfolderroot\"/></messages:ParentFolderId>"
                + "<messages:Folders><Folder><DisplayName> Spaced name </DisplayName></Folder></messages:Folders>"
                + "</messages:CreateFolder></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        try (RequestReader reader = new RequestReader()) {
            XmlIn envelope = read(reader, evolution);
            XmlIn operation = envelope.require("Body").first();
            assertThat(operation.name()).isEqualTo("CreateFolder");
            assertThat(operation.namespace()).isEqualTo(Soap.MESSAGES);
            XmlIn parent = operation.require("ParentFolderId").first();
            assertThat(parent.namespace()).isEqualTo(Soap.TYPES);
            assertThat(parent.attr("Id")).isEqualTo("msgfolderroot");
            XmlIn name = operation.require("Folders").first().require("DisplayName");
            assertThat(name.text()).isEqualTo(" Spaced name ");
            assertThat(name.token()).isEqualTo("Spaced name");
        }
    }

    @Test
    void base64ContentIsDecodedWhileItStreamsAndLargeContentGoesToAFile() throws Exception {
        byte[] small = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[3 * 1024 * 1024 + 5];
        new Random(3).nextBytes(large);
        String xml = "<a><Content>" + Base64.getEncoder().encodeToString(small) + "</Content><MimeContent>\n"
                + Base64.getMimeEncoder().encodeToString(large) + "\n</MimeContent></a>";
        Path file;
        try (RequestReader reader = new RequestReader()) {
            XmlIn root = read(reader, xml);
            Content first = root.require("Content").binary();
            assertThat(first).isInstanceOf(BytesContent.class);
            assertThat(((BytesContent) first).bytes()).isEqualTo(small);
            Content second = root.require("MimeContent").binary();
            assertThat(second).isInstanceOf(FileContent.class);
            file = ((FileContent) second).path();
            try (InputStream in = second.open()) {
                assertThat(in.readAllBytes()).isEqualTo(large);
            }
        }
        assertThat(Files.exists(file)).as("a content nobody kept is deleted with the request").isFalse();
    }

    @Test
    void aKeptContentOutlivesTheRequest() throws Exception {
        byte[] large = new byte[2 * 1024 * 1024];
        Content kept;
        try (RequestReader reader = new RequestReader()) {
            kept = read(reader, "<Content>" + Base64.getEncoder().encodeToString(large) + "</Content>").binary();
            reader.keep(kept);
        }
        Path file = ((FileContent) kept).path();
        assertThat(Files.size(file)).isEqualTo(large.length);
        Files.delete(file);
    }

    @Test
    void textThatIsNotBase64IsASchemaViolation() {
        for (String bad : new String[] {"@@@@", "SGVsbG8", "SGVs=bG8=", "SGVsbG8=QQ=="}) {
            try (RequestReader reader = new RequestReader()) {
                assertThatThrownBy(() -> read(reader, "<a>\n<Content>" + bad + "</Content></a>"))
                        .as(bad).isInstanceOfSatisfying(SoapFault.class, fault -> {
                            assertThat(fault.responseCode()).isEqualTo("ErrorSchemaValidation");
                            assertThat(fault.messageXml()).containsEntry("LineNumber", "2");
                        });
            }
        }
    }

    @Test
    void malformedXmlIsASchemaViolationAtItsPosition() {
        try (RequestReader reader = new RequestReader()) {
            assertThatThrownBy(() -> read(reader, "<a>\n  <b></a>")).isInstanceOfSatisfying(SoapFault.class, fault -> {
                assertThat(fault.responseCode()).isEqualTo("ErrorSchemaValidation");
                assertThat(fault.messageXml()).containsEntry("LineNumber", "2");
            });
            assertThatThrownBy(() -> read(reader, "")).isInstanceOf(SoapFault.class);
        }
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.createTempFile("secret", ".txt");
        Files.writeString(secret, "do not read");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><a>&x;</a>";
        try (RequestReader reader = new RequestReader()) {
            assertThatThrownBy(() -> read(reader, xxe)).isInstanceOf(SoapFault.class);
        } finally {
            Files.delete(secret);
        }
    }
}
