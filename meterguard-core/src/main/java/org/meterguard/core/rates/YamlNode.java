package org.meterguard.core.rates;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One node of a YAML document with its path, for typed reads whose errors name the file and entry at fault.
 * Scalars stay text (no implicit numbers, dates or sexagesimal times: "0.31" is read as the decimal 0.31, never
 * as a binary double, and "16:00" as a time, not 960); only booleans, nulls and merge keys ({@code <<}) resolve.
 * Only plain maps, lists and strings are built (SafeConstructor): a file cannot instantiate classes.
 */
final class YamlNode {
    private final Object value;
    private final String path;

    private YamlNode(Object value, String path) {
        this.value = value;
        this.path = path;
    }

    /** The root of the YAML document in {@code in}; {@code source} names it in errors. */
    static YamlNode parse(InputStream in, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(
                new SafeConstructor(options),
                new Representer(new DumperOptions()),
                new DumperOptions(),
                options,
                new TextResolver());
        try {
            return new YamlNode(yaml.load(in), source);
        } catch (YAMLException e) {
            throw new RatePlanInvalid(source + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return map().get(key) != null;
    }

    YamlNode get(String key) {
        Object child = map().get(key);
        if (child == null) {
            throw invalid("has no '" + key + "'");
        }
        return new YamlNode(child, path + "." + key);
    }

    Optional<YamlNode> optional(String key) {
        return has(key) ? Optional.of(get(key)) : Optional.empty();
    }

    /** The entries of a mapping, in file order. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        map().forEach((key, child) -> entries.put(String.valueOf(key), new YamlNode(child, path + "." + key)));
        return entries;
    }

    List<YamlNode> list() {
        if (!(value instanceof List)) {
            throw invalid("is not a list");
        }
        List<YamlNode> items = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            items.add(new YamlNode(list.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    boolean isList() {
        return value instanceof List;
    }

    boolean isMap() {
        return value instanceof Map;
    }

    String text() {
        if (value instanceof Map || value instanceof List) {
            throw invalid("is not a single value");
        }
        return String.valueOf(value);
    }

    boolean bool() {
        if (!(value instanceof Boolean)) {
            throw invalid("is '" + value + "', not true or false");
        }
        return (Boolean) value;
    }

    /** A non-negative decimal, exactly as written. */
    BigDecimal decimal() {
        BigDecimal decimal = as("a decimal number", BigDecimal::new);
        if (decimal.signum() < 0) {
            throw invalid("is " + decimal + "; prices and quantities are not negative (credits are credits)");
        }
        return decimal;
    }

    /** The text parsed by {@code parser}, or an error naming the entry and what was expected. */
    <T> T as(String expected, Function<String, T> parser) {
        String text = text();
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw invalid("is '" + text + "', not " + expected + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    RatePlanInvalid invalid(String fault) {
        return new RatePlanInvalid(path + " " + fault);
    }

    private Map<?, ?> map() {
        if (!(value instanceof Map)) {
            throw invalid("is not a mapping");
        }
        return (Map<?, ?>) value;
    }

    /** Resolves only booleans, nulls and merge keys; every other plain scalar stays text. */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
