package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The /proc reading behind the after-run group sweep, against this JVM's own entry (no process is started). */
class ProcessGroupsTest {
    private static long groupFromStatText(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
    }

    @Test
    void theGroupOfThisJvmIsReadFromTheHeadOfItsStat() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(ProcessGroups.groupOf(self)).isEqualTo(groupFromStatText(self)).isPositive();
    }

    @Test
    void aGroupListsThisJvmAmongItsLiveMembers() throws Exception {
        long self = ProcessHandle.current().pid();
        assertThat(ProcessGroups.members(groupFromStatText(self))).contains(self);
    }

    @Test
    void aGoneProcessHasNoGroupAndAnUnusedGroupNoMembers() {
        assertThat(ProcessGroups.groupOf(Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(ProcessGroups.members(Integer.MAX_VALUE)).isEmpty();
    }
}
