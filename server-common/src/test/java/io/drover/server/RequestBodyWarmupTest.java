package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;

class RequestBodyWarmupTest {

    record Address(String host, int port) {
    }

    record Resource(String name, List<String> addresses) {
    }

    record Offer(Address address, List<Resource> resources, Map<String, Address> byName, Address[] spares,
            String label) {
    }

    @Test
    void aBodyPreparesEveryOwnTypeValidationCanCascadeInto() {
        Set<Class<?>> found = new HashSet<>();

        RequestBodyWarmup.ownTypes(ResolvableType.forClass(Offer.class), found);

        assertThat(found).containsExactlyInAnyOrder(Offer.class, Address.class, Resource.class);
    }

    @Test
    void aListOfBodiesPreparesItsElements() {
        Set<Class<?>> found = new HashSet<>();

        RequestBodyWarmup.ownTypes(ResolvableType.forClassWithGenerics(List.class, Address.class), found);

        assertThat(found).containsExactly(Address.class);
    }
}
