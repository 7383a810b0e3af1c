package dev.shiprun.model.env;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VariableNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"A", "_", "x1", "MY_VAR", "_9", "app_PARAMS_key"})
  void lettersDigitsAndUnderscoreNotStartingWithADigitAreNames(String name) {
    assertTrue(VariableName.isValid(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1A", "9", "MY-VAR", "a.b", "a b", "été", "A=B", "A\n", "٣A"})
  void anythingElseIsNot(String name) {
    assertFalse(VariableName.isValid(name), name);
  }
}
