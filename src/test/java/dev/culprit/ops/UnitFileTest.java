package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hardening the service relies on stays in config/culprit.service. */
class UnitFileTest {
    private static Map<String, List<String>> service() throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(Path.of("config/culprit.service"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            if (section.equals("[Service]")) {
                int eq = line.indexOf('=');
                keys.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return keys;
    }

    @Test
    void runsAsAnUnprivilegedUserWithItsOwnStateAndTheSpoolWritable() throws IOException {
        Map<String, List<String>> s = service();
        assertThat(s.get("User")).containsExactly("culprit");
        assertThat(s.get("SupplementaryGroups")).containsExactly("culprit-spool");
        assertThat(s.get("StateDirectory")).containsExactly("culprit");
        assertThat(s.get("ProtectSystem")).containsExactly("strict");
        assertThat(s.get("ReadWritePaths")).containsExactly("/var/spool/culprit");
        assertThat(s.get("UMask")).containsExactly("0077");
    }

    @Test
    void dropsPrivilegesAndFiltersSystemCalls() throws IOException {
        Map<String, List<String>> s = service();
        assertThat(s.get("NoNewPrivileges")).containsExactly("yes");
        assertThat(s.get("CapabilityBoundingSet")).containsExactly("");
        assertThat(s.get("RestrictAddressFamilies")).containsExactly("AF_INET AF_INET6 AF_UNIX");
        assertThat(s.get("SystemCallFilter")).contains("@system-service");
    }

    @Test
    void keepsTheJitWorking() throws IOException {
        assertThat(service()).doesNotContainKey("MemoryDenyWriteExecute");
    }

    @Test
    void restartsOnFailureAndTreatsSigtermAsSuccess() throws IOException {
        Map<String, List<String>> s = service();
        assertThat(s.get("Restart")).containsExactly("on-failure");
        assertThat(s.get("SuccessExitStatus")).containsExactly("143");
        assertThat(s.get("TimeoutStopSec")).containsExactly("90s");
        assertThat(s.get("LoadCredential")).containsExactly("smtp-password:/etc/culprit/smtp-password");
        assertThat(s.get("ExecStart")).containsExactly("/opt/culprit/bin/culprit run --config /etc/culprit/culprit.yaml");
    }
}
