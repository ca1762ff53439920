package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.terraform.TerraformVersion.Product;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerraformVersionTest {
    @ParameterizedTest
    @CsvSource({"TERRAFORM,1.5.0,true", "TERRAFORM,1.11.4,true", "TERRAFORM,1.4.7,false", "TERRAFORM,2.0.0,false",
            "TERRAFORM,0.15.5,false", "TERRAFORM,1.12.0-beta1,true", "OPENTOFU,1.6.0,true", "OPENTOFU,1.5.9,false",
            "OPENTOFU,2.1.0,true"})
    void supportedRange(Product product, String version, boolean supported) {
        assertThat(TerraformVersion.of(product, version).supported()).isEqualTo(supported);
    }

    @Test
    void readsTheVersionDocument() {
        TerraformVersion tf = TerraformVersion.parse("{\"terraform_version\":\"1.11.4\",\"platform\":\"linux_amd64\","
                + "\"provider_selections\":{},\"terraform_outdated\":false}", "terraform");
        assertThat(tf).isEqualTo(new TerraformVersion(Product.TERRAFORM, 1, 11, 4, "1.11.4"));
        assertThat(tf.initSpeaksJson()).isTrue();
        assertThat(TerraformVersion.parse("{\"tofu\":\"1.8.1\"}", "terraform").product()).isEqualTo(Product.OPENTOFU);
        assertThat(TerraformVersion.parse("{\"terraform_version\":\"1.8.1\"}", "/opt/bin/tofu").product())
                .isEqualTo(Product.OPENTOFU);
    }

    @Test
    void badDocumentsAndOldVersionsAreClearErrors() {
        assertThatThrownBy(() -> TerraformVersion.parse("Terraform v1.11.4", "terraform"))
                .isInstanceOf(TerraformOutputException.class);
        assertThatThrownBy(() -> TerraformVersion.parse("{\"platform\":\"x\"}", "terraform"))
                .isInstanceOf(TerraformOutputException.class).hasMessageContaining("no version");
        assertThatThrownBy(() -> TerraformVersion.of(Product.TERRAFORM, "one.two"))
                .isInstanceOf(TerraformVersionException.class);
        assertThatThrownBy(() -> TerraformVersion.of(Product.TERRAFORM, "1.3.0").requireSupported("terraform"))
                .isInstanceOf(TerraformVersionException.class).hasMessageContaining("terraform 1.3.0")
                .hasMessageContaining(">= 1.5, < 2.0");
    }
}
