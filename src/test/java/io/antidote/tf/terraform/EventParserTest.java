package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {
    private static final String RES = "'resource':{'addr':'terraform_data.a','module':'','resource':'terraform_data.a',"
            + "'implied_provider':'terraform','resource_type':'terraform_data','resource_name':'a','resource_key':null}";

    private static TerraformEvent parse(String singleQuoted) {
        return EventParser.parse(RunnerFixture.json(singleQuoted));
    }

    @Test
    void version() {
        assertThat(parse("{'@level':'info','@message':'Terraform 1.11.4','@module':'terraform.ui','type':'version',"
                + "'terraform':'1.11.4','ui':'1.2'}"))
                .isEqualTo(new TerraformEvent.Version("terraform", "1.11.4", "1.2", "Terraform 1.11.4"));
        assertThat(parse("{'@message':'OpenTofu 1.8.0','@module':'tofu.ui','type':'version','tofu':'1.8.0','ui':'1.2'}"))
                .isEqualTo(new TerraformEvent.Version("tofu", "1.8.0", "1.2", "OpenTofu 1.8.0"));
    }

    @Test
    void logAndDiagnostic() {
        assertThat(parse("{'@level':'warn','@message':'Interrupt received','type':'log'}"))
                .isEqualTo(new TerraformEvent.Log("warn", "Interrupt received"));
        TerraformEvent d = parse("{'@level':'error','@message':'Error: boom','type':'diagnostic','diagnostic':"
                + "{'severity':'error','summary':'boom','detail':'it broke','address':'terraform_data.b',"
                + "'range':{'filename':'x'},'snippet':{}}}");
        assertThat(d).isEqualTo(new TerraformEvent.DiagnosticLine(
                new Diagnostic("error", "boom", "it broke", "terraform_data.b", "x"), "Error: boom"));
    }

    @Test
    void plannedChangeDriftAndSummary() {
        assertThat(parse("{'type':'planned_change','@message':'m','change':{" + RES + ",'action':'create'}}"))
                .isEqualTo(new TerraformEvent.PlannedChange("terraform_data.a", "create", "", false, "m"));
        assertThat(parse("{'type':'resource_drift','@message':'m','change':{" + RES + ",'action':'update',"
                + "'reason':'x'}}")).isEqualTo(new TerraformEvent.PlannedChange("terraform_data.a", "update", "x",
                        true, "m"));
        assertThat(parse("{'type':'change_summary','@message':'m','changes':{'add':1,'change':2,'import':3,"
                + "'remove':4,'operation':'destroy'}}"))
                .isEqualTo(new TerraformEvent.ChangeSummary(new PlanSummary(1, 2, 3, 4, "destroy"), "m"));
    }

    @Test
    void everyHookType() {
        for (HookType t : HookType.values()) {
            TerraformEvent e = parse("{'type':'" + t.wire() + "','@message':'m','hook':{" + RES
                    + ",'action':'create','id_key':'id','id_value':'1','elapsed_seconds':1.5}}");
            assertThat(e).isEqualTo(new TerraformEvent.Hook(t, "terraform_data.a", "create", 1.5, "m"));
        }
        assertThat(Arrays.stream(HookType.values()).filter(HookType::failed))
                .containsExactlyInAnyOrder(HookType.APPLY_ERRORED, HookType.PROVISION_ERRORED);
    }

    @Test
    void outputsKeepNamesAndSensitivityButNoValues() {
        TerraformEvent e = parse("{'type':'outputs','@message':'Outputs: 2','outputs':{'o':{'sensitive':false,"
                + "'type':'string','value':'x'},'s':{'sensitive':true,'type':'string','value':'hidden-42'}}}");
        assertThat(e).isInstanceOf(TerraformEvent.Outputs.class);
        assertThat(((TerraformEvent.Outputs) e).sensitiveByName()).containsEntry("o", false).containsEntry("s", true);
        assertThat(e.toString()).doesNotContain("hidden-42");
    }

    @Test
    void unknownTypesAndFieldsAreOther() {
        assertThat(parse("{'type':'state_lock_acquire','@level':'info','@message':'Acquiring state lock','x':1}"))
                .isEqualTo(new TerraformEvent.Other("state_lock_acquire", "info", "Acquiring state lock"));
        assertThat(parse("{'@message':'no type at all'}")).isEqualTo(new TerraformEvent.Other("", "", "no type at all"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", "{\"broken", "[1,2]", "null", "42", "{\"a\":1} trailing", "\u001b[31mError"})
    void junkLinesAreJunk(String line) {
        TerraformEvent e = EventParser.parse(line);
        if (line.equals("{\"a\":1} trailing")) {
            assertThat(e).isInstanceOfAny(TerraformEvent.Junk.class, TerraformEvent.Other.class);
        } else {
            assertThat(e).isEqualTo(new TerraformEvent.Junk(line));
        }
    }
}
