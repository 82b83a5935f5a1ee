package coordinator;

import com.arjuna.ats.arjuna.common.CoordinatorEnvironmentBean;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import io.narayana.lra.coordinator.internal.LRARecoveryModule;
import java.nio.file.Path;
import java.util.List;

/** Narayana's settings, applied before any of its classes read them (they are read once per JVM). */
final class NarayanaEnvironment {

    // Narayana keeps one store bean per named store; all must point at the same directory or LRAs are split
    private static final List<String> NAMED_STORES = List.of("communicationStore", "stateStore");

    private NarayanaEnvironment() {
    }

    static void apply(Path objectStoreDir, int recoveryPeriodSeconds) {
        BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class).setObjectStoreDir(objectStoreDir.toString());
        NAMED_STORES.forEach(name -> BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name)
                .setObjectStoreDir(objectStoreDir.toString()));

        RecoveryEnvironmentBean recovery = BeanPopulator.getDefaultInstance(RecoveryEnvironmentBean.class);
        recovery.setRecoveryModuleClassNames(List.of(LRARecoveryModule.class.getName()));
        recovery.setPeriodicRecoveryPeriod(recoveryPeriodSeconds);
        recovery.setRecoveryBackoffPeriod(Math.min(5, recoveryPeriodSeconds));
        // the recovery manager's own socket and the transaction status socket serve JTA/JTS peers, not LRA: no extra ports
        recovery.setRecoveryListener(false);
        BeanPopulator.getDefaultInstance(CoordinatorEnvironmentBean.class).setTransactionStatusManagerEnable(false);
    }
}
