package io.drover.worker.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.worker.config.UidRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdPoolTest {

    @TempDir
    Path locks;

    @Test
    void twoPoolsOnOneHostNeverHandOutTheSameId() throws IOException {
        UidRange range = new UidRange(70000, 70009);
        IdPool first = new IdPool(range, locks);
        IdPool second = new IdPool(range, locks);
        Set<Integer> given = new HashSet<>();

        for (int i = 0; i < 5; i++) {
            assertThat(given.add(first.allocate())).isTrue();
            assertThat(given.add(second.allocate())).isTrue();
        }

        assertThat(given).hasSize(10).allMatch(id -> id >= 70000 && id <= 70009);
        assertThatThrownBy(first::allocate).hasMessageContaining("every uid").hasMessageContaining("70000-70009");
    }

    @Test
    void aReleasedIdCanBeHadAgain() throws IOException {
        IdPool pool = new IdPool(new UidRange(70000, 70000), locks);
        int id = pool.allocate();

        pool.release(id);

        assertThat(pool.allocate()).isEqualTo(id);
    }
}
