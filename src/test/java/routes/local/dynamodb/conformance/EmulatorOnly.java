package routes.local.dynamodb.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A case only our emulator can run in test time (AWS reaps expired items "within a few days"), skipped
 * on every other target. The value says why.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Tag("emulator-only")
public @interface EmulatorOnly {
    String value();
}
