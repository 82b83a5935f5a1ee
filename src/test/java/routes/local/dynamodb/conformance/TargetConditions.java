package routes.local.dynamodb.conformance;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips {@link DynaliteDiffers} cases on dynalite, {@link KnownEmulatorGap} cases on our emulator (unless
 * -Dddb.conformance.includeKnownGaps=true) and {@link EmulatorOnly} cases off our emulator.
 */
final class TargetConditions implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<ConformanceTarget.Kind> kind = context.getTestInstance()
                .filter(ConformanceCases.class::isInstance)
                .map(instance -> ((ConformanceCases) instance).target().kind());
        if (kind.isEmpty() || context.getElement().isEmpty()) {
            return ConditionEvaluationResult.enabled("no target yet");
        }
        Optional<DynaliteDiffers> differs = AnnotationSupport.findAnnotation(context.getElement(), DynaliteDiffers.class);
        if (differs.isPresent() && kind.get() == ConformanceTarget.Kind.DYNALITE) {
            return ConditionEvaluationResult.disabled("dynalite differs from AWS: " + differs.get().value());
        }
        Optional<KnownEmulatorGap> gap = AnnotationSupport.findAnnotation(context.getElement(), KnownEmulatorGap.class);
        if (gap.isPresent() && kind.get() == ConformanceTarget.Kind.EMULATOR
                && !Boolean.getBoolean("ddb.conformance.includeKnownGaps")) {
            return ConditionEvaluationResult.disabled("known emulator gap: " + gap.get().value());
        }
        Optional<EmulatorOnly> emulatorOnly = AnnotationSupport.findAnnotation(context.getElement(), EmulatorOnly.class);
        if (emulatorOnly.isPresent() && kind.get() != ConformanceTarget.Kind.EMULATOR) {
            return ConditionEvaluationResult.disabled("emulator only: " + emulatorOnly.get().value());
        }
        return ConditionEvaluationResult.enabled("runs on " + kind.get());
    }
}
