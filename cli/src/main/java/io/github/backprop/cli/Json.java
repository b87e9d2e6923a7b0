package io.github.backprop.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop.internal.IoReason;
import io.github.backprop.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing JSON with Jackson: strict reading (no duplicate keys, nothing after the
 * document, no NaN) whose errors give file:line:column, and pretty printing in which every double
 * is written as {@link Double#toString} writes it, so it reads back to the same double.
 */
final class Json {
  /**
   * The most bytes a JSON file may hold: far more than a spec or a model of any network this
   * library trains well, and little enough to parse as a tree in memory.
   */
  static final long MAX_BYTES = 256L << 20;

  /** Configured once and never changed afterwards, so sharing it is safe. */
  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          // Enforced while reading, for /dev/zero and pipes, whose size reads as 0.
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxDocumentLength(MAX_BYTES).build())
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** Objects indented, arrays of numbers on one line: {@code "bias": [0.35, 0.35]}. */
  private static final ObjectWriter WRITER = MAPPER.writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("")
          .withObjectEmptySeparator(""))
          .withArrayIndenter(null));

  /** Jackson's location of an earlier place (where an unclosed object started). */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  /**
   * One of Jackson's limits: "Number value length (2001) exceeds the maximum allowed (1000, from
   * `StreamReadConstraints.getMaxNumberLength()`)".
   */
  private static final Pattern LIMIT =
      Pattern.compile(".*\\((\\d+), from `StreamReadConstraints\\.getMax(\\w+)\\(\\)`\\)");

  private Json() {}

  /**
   * Reads a JSON document of at most {@link #MAX_BYTES}.
   *
   * @throws BadInputException if the file cannot be read (naming it), is larger, or is not JSON
   *     (with its line and column)
   */
  static JsonNode read(Path file) {
    String shown = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > MAX_BYTES) {
        throw tooLarge(shown);
      }
      return parse(MAPPER.createParser(in), shown);
    } catch (NoSuchFileException e) {
      throw new BadInputException(shown + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new BadInputException(shown + ": cannot read the file (permission denied)", e);
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new BadInputException(shown + ": is a directory, expected a JSON file", e);
      }
      throw new BadInputException(shown + ": cannot read the file (" + IoReason.of(e) + ")",
          e);
    }
  }

  /** Parses JSON text given on the command line or read from a file named {@code shown}. */
  static JsonNode parse(byte[] bytes, String shown) {
    try {
      return parse(MAPPER.createParser(bytes), shown);
    } catch (IOException e) {
      throw new BadInputException(shown + ": cannot read the JSON (" + IoReason.of(e) + ")", e);
    }
  }

  /**
   * Reads the one document {@code parser} holds.
   *
   * @throws BadInputException if it is not JSON, is more than one document, or is too large
   * @throws IOException if reading the input fails
   */
  private static JsonNode parse(JsonParser parser, String shown) throws IOException {
    try { // not with resources: the parser must still be open to tell where it stopped
      JsonNode node = MAPPER.readTree(parser);
      if (node == null) {
        throw new BadInputException(shown + ": the file is empty; expected a JSON document");
      }
      if (parser.nextToken() != null) {
        throw new BadInputException(where(shown, parser.currentTokenLocation())
            + ": expected one JSON document, found more JSON after its end");
      }
      return node;
    } catch (StreamConstraintsException e) {
      Matcher limit = LIMIT.matcher(e.getOriginalMessage());
      if (limit.matches() && limit.group(2).equals("DocumentLength")) {
        throw tooLarge(shown);
      }
      // Jackson gives no location for its limits; the parser stopped where one was passed.
      throw new BadInputException(where(shown, parser.currentLocation()) + ": "
          + (limit.matches() ? exceeded(limit.group(2), limit.group(1), e) : plain(e)), e);
    } catch (JsonProcessingException e) {
      throw new BadInputException(where(shown, e.getLocation()) + ": " + plain(e), e);
    } finally {
      parser.close();
    }
  }

  private static BadInputException tooLarge(String shown) {
    return new BadInputException(shown + ": more than " + (MAX_BYTES >> 20) + " MiB; a spec,"
        + " a model or a file of input rows may hold at most that much JSON");
  }

  private static String where(String shown, JsonLocation at) {
    return at == null ? shown : shown + ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  /** What passing one of Jackson's limits means in the document. */
  private static String exceeded(String limit, String max, JsonProcessingException e) {
    return switch (limit) {
      case "NestingDepth" -> "nested deeper than " + max + " levels";
      case "NumberLength" -> "a number longer than " + max + " digits";
      case "StringLength" -> "a string longer than " + max + " characters";
      case "NameLength" -> "a field name longer than " + max + " characters";
      default -> plain(e);
    };
  }

  /**
   * Jackson's message as a rule of JSON: Jackson suggests its own settings, which the user
   * cannot change, where the user needs the rule.
   */
  private static String plain(JsonProcessingException e) {
    String message = SOURCE.matcher(e.getOriginalMessage()).replaceAll("line $1, column $2");
    if (message.startsWith("Non-standard token")) {
      return message.substring(0, message.indexOf(':'))
          + "; JSON numbers must be finite (no NaN or Infinity)";
    }
    if (message.contains("numbers to have plus signs")) {
      return "a number may not start with '+'";
    }
    if (message.contains("(non-standard) comment")) {
      return "comments are not allowed in JSON";
    }
    // Other hints name a setting in backquotes ("... (consider enabling `JsonReadFeature.X`)").
    int setting = message.indexOf('`');
    int hint = Math.max(message.lastIndexOf(": ", setting), message.lastIndexOf(" (", setting));
    return setting < 0 || hint <= 0 ? message : message.substring(0, hint);
  }

  /** Pretty-prints a document, ending with a line break. */
  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree built in memory", e);
    }
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A vector as a JSON array, or a matrix as an array of rows. */
  static ArrayNode array(Tensor t) {
    ArrayNode out = MAPPER.createArrayNode();
    if (t.shape().rank() == 1) {
      for (double v : t.data()) {
        out.add(v);
      }
      return out;
    }
    for (int r = 0; r < t.rows(); r++) {
      ArrayNode row = out.addArray();
      for (int c = 0; c < t.cols(); c++) {
        row.add(t.get(r, c));
      }
    }
    return out;
  }
}
