package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The canonical form: no comment blocks, no backend, sorted keys at every depth, Jackson's indentation. */
class TerraformJsonTest {
    @Test
    void dropsCommentsAndBackendAndSortsKeysAtEveryDepth() {
        String raw = """
                {"//": {"metadata": 1}, "terraform": {"backend": {"local": {}}, "required_providers": {"aws": {"version": "~> 5.23", "source": "aws"}}},
                 "resource": {"b_type": {"z": {"//": "x", "list": [{"y": 2, "x": 1.5, "//": {}}, "s"], "n": 12345678901}}, "a_type": {"e": {}}}}
                """;
        assertThat(TerraformJson.canonical(raw)).isEqualTo("""
                {
                  "resource" : {
                    "a_type" : {
                      "e" : { }
                    },
                    "b_type" : {
                      "z" : {
                        "list" : [ {
                          "x" : 1.5,
                          "y" : 2
                        }, "s" ],
                        "n" : 12345678901
                      }
                    }
                  },
                  "terraform" : {
                    "required_providers" : {
                      "aws" : {
                        "source" : "aws",
                        "version" : "~> 5.23"
                      }
                    }
                  }
                }
                """);
    }

    @Test
    void sameInputSameBytes() {
        String raw = "{\"b\": [3, {\"d\": \"${x.y}\", \"c\": true}], \"a\": null}";
        assertThat(TerraformJson.canonical(raw)).isEqualTo(TerraformJson.canonical(TerraformJson.canonical(raw)));
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> TerraformJson.canonical("{nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TerraformJson.canonical("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
