package routes.local.dynamodb.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A case where dynalite 4.0.0 disagrees with AWS's documentation: AWS decides, so the case is skipped
 * in the dynalite run only. The value says how dynalite differs and which doc section says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface DynaliteDiffers {
    String value();
}
