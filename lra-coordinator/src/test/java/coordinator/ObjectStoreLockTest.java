package coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreLockTest {

    @TempDir
    Path store;

    @Test
    void aSecondCoordinatorOnTheSameStoreIsRefusedNamingTheDirectory() {
        try (ObjectStoreLock first = ObjectStoreLock.acquire(store)) {
            assertThatThrownBy(() -> ObjectStoreLock.acquire(store))
                    .isInstanceOf(ObjectStoreLock.StoreInUseException.class)
                    .hasMessageContaining(store.toString())
                    .hasMessageContaining("LRA_COORDINATOR_OBJECT_STORE_DIR");
        }
    }

    @Test
    void theStoreCanBeTakenAgainOnceReleased() {
        ObjectStoreLock.acquire(store).close();

        ObjectStoreLock.acquire(store).close();
    }

    @Test
    void aMissingStoreDirectoryIsCreated() {
        Path missing = store.resolve("not-yet/there");

        ObjectStoreLock.acquire(missing).close();

        assertThat(missing).isDirectory();
    }
}
