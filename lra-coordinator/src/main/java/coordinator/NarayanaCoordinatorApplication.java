package coordinator;

import io.narayana.lra.coordinator.api.Coordinator;
import io.narayana.lra.coordinator.api.CoordinatorContainerFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** Narayana's coordinator resource and its filter as they ship; the resource adds the /lra-coordinator path itself. */
@ApplicationPath("/")
public class NarayanaCoordinatorApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Coordinator.class, CoordinatorContainerFilter.class);
    }
}
