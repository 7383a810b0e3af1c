package dev.shiprun.runner.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option value naming an enum constant in any case ({@code json}, {@code JSON}); anything
 * else says which words there are. One converter for every choice option of the CLI.
 */
final class EnumChoice<E extends Enum<E>> implements ITypeConverter<E> {

  private final Class<E> type;

  EnumChoice(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    String[] words =
        Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT))
            .toArray(String[]::new);
    String expected =
        words.length == 1
            ? words[0]
            : String.join(", ", Arrays.copyOf(words, words.length - 1))
                + " or "
                + words[words.length - 1];
    throw new TypeConversionException("expected " + expected + ", not '" + value + "'");
  }
}
