package dev.shiprun.model.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://registry.example.com",
        "http://registry.example.com",
        "HTTPS://Registry.Example.com",
        "https://registry.example.com/",
        "https://registry.example.com:5000",
        "https://registry.example.com:1",
        "https://registry.example.com:65535/v2/team",
        "https://index.docker.io/v1/",
        "http://localhost:5000",
        "http://127.0.0.1:5000/path",
        "http://[::1]:5000",
        "http://[fe80::1]",
        "https://my_registry.internal.",
        "https://hooks.slack.com/services/T000/B000/XXXX"
      })
  void acceptsHttpAndHttpsAddresses(String url) {
    assertEquals(Optional.empty(), RegistryUrl.problem(url));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ftp://registry.example.com | the scheme must be http or https",
        "docker://registry.example.com | the scheme must be http or https",
        "registry.example.com | it has no scheme; it must start with https:// or http://",
        "https:/registry.example.com | it has no scheme; it must start with https:// or http://",
        "https:// | it has no host",
        "https:///v2 | it has no host",
        "https://:5000 | it has no host",
        "https://registry.example.com:0 | the port must be a number from 1 to 65535",
        "https://registry.example.com:65536 | the port must be a number from 1 to 65535",
        "https://registry.example.com:99999999999 | the port must be a number from 1 to 65535",
        "https://registry.example.com: | the port must be a number from 1 to 65535",
        "https://registry.example.com:http | the port must be a number from 1 to 65535",
        "https://registry.example.com:50:00 | the port must be a number from 1 to 65535",
        "https://registry..example.com | the host is not a valid host name",
        "https://-registry.example.com | the host is not a valid host name",
        "https://registry$.example.com | the host is not a valid host name",
        "https://[::1 | the host has '[' without a closing ']'",
        "https://[zz] | the host is not a valid ipv6 address",
        "https://[::1]x | the host is not a valid ipv6 address",
        "https://registry.example.com/v2?x=1 | it must not have a query or a fragment ('?' or '#')",
        "https://registry.example.com#top | it must not have a query or a fragment ('?' or '#')"
      })
  void explainsWhatIsWrong(String url, String reason) {
    assertEquals(Optional.of(reason), RegistryUrl.problem(url));
  }

  @Test
  void rejectsUserInfoWithoutQuotingIt() {
    Optional<String> problem = RegistryUrl.problem("https://alice:made-up-pw-91@registry.io");

    assertEquals(
        Optional.of(
            "it must not carry a user name or password ('user@'); use the integration's fields"),
        problem);
  }

  @Test
  void rejectsSpacesAndControlCharacters() {
    String reason = "it contains a space or a control character";
    assertEquals(Optional.of(reason), RegistryUrl.problem("https://registry example.com"));
    assertEquals(Optional.of(reason), RegistryUrl.problem(" https://registry.example.com"));
    assertEquals(Optional.of(reason), RegistryUrl.problem("https://registry.example.com/a\tb"));
    assertEquals(Optional.of(reason), RegistryUrl.problem("https://registry.example.com\n"));
    assertEquals(Optional.of(reason), RegistryUrl.problem("https://registry\u00a0.example.com"));
  }

  @Test
  void rejectsEmptyAddress() {
    assertEquals(Optional.of("it is empty"), RegistryUrl.problem(""));
    assertEquals(Optional.of("it is empty"), RegistryUrl.problem(null));
  }
}
