package org.meterguard.greenbutton;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

/**
 * Validates documents against {@code shared/data/greenbutton/schema/greenbutton.xsd} (Atom, ESPI usage and customer
 * schemas, all local), offline. Tests that need it are skipped with a message where the shared material is missing.
 */
final class EspiSchema {
    private static Schema schema;

    private EspiSchema() {}

    static synchronized Schema schema() throws Exception {
        if (schema == null) {
            Path dir = null;
            for (Path at = Path.of("").toAbsolutePath(); at != null && dir == null; at = at.getParent()) {
                Path candidate = at.resolve("shared/data/greenbutton/schema/greenbutton.xsd");
                dir = Files.isRegularFile(candidate) ? candidate : null;
            }
            assumeTrue(
                    dir != null,
                    "shared material missing: no shared/data/greenbutton/schema/greenbutton.xsd above "
                            + Path.of("").toAbsolutePath() + "; schema validation skipped");
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            schema = factory.newSchema(dir.toFile());
        }
        return schema;
    }

    /** Validates {@code xml}; throws the validator's error (naming line and column) if it does not conform. */
    static void validate(byte[] xml) throws Exception {
        Validator validator = schema().newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
    }
}
