package io.drover.server;

import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds, before the server takes its first request, what reading, validating and answering each handler's
 * body needs: Bean Validation's metadata of the body's types, Jackson's reader of the body and writer of the
 * answer. Both libraries would build them on first use and cache them, but Hibernate Validator builds outside
 * any lock, so when hundreds of requests of one kind reach a fresh master at once (every worker registering
 * again after a failover) each of them builds the same metadata, on a cold JIT: in a storm of 3,000
 * registrations that was a tenth of the master's CPU for its first five seconds.
 */
final class RequestBodyWarmup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyWarmup.class);
    private static final String OWN_TYPES = "io.drover.";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final ObjectProvider<Validator> validator;
    private final ObjectProvider<JsonMapper> json;

    RequestBodyWarmup(ObjectProvider<RequestMappingHandlerMapping> mappings, ObjectProvider<Validator> validator,
            ObjectProvider<JsonMapper> json) {
        this.mappings = mappings;
        this.validator = validator;
        this.json = json;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long started = System.nanoTime();
        Set<Class<?>> validated = new HashSet<>();
        Set<ResolvableType> read = new HashSet<>();
        Set<ResolvableType> written = new HashSet<>();
        mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().values()
                .forEach(handler -> collect(handler, validated, read, written)));
        Validator checks = validator.getIfAvailable();
        if (checks != null) {
            validated.forEach(checks::getConstraintsForClass);
        }
        JsonMapper mapper = json.getIfAvailable();
        if (mapper != null) {
            read.forEach(type -> mapper.readerFor(mapper.constructType(type.getType())));
            written.forEach(type -> mapper.writerFor(mapper.constructType(type.getType())));
        }
        log.debug("Prepared {} validated types, {} bodies read and {} written in {} ms", validated.size(),
                read.size(), written.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void collect(HandlerMethod handler, Set<Class<?>> validated, Set<ResolvableType> read,
            Set<ResolvableType> written) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                ResolvableType body = ResolvableType.forMethodParameter(parameter);
                read.add(body);
                ownTypes(body, validated);
            }
        }
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        Class<?> raw = answer.resolve();
        if (raw != null && raw.getName().startsWith(OWN_TYPES)) {
            written.add(answer);
        }
    }

    /**
     * The project's own types a body holds, at any depth (record components and their type arguments): the
     * ones validation may cascade into.
     */
    static void ownTypes(ResolvableType type, Set<Class<?>> found) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        for (ResolvableType generic : type.getGenerics()) {
            ownTypes(generic, found);
        }
        if (raw.isArray()) {
            ownTypes(type.getComponentType(), found);
            return;
        }
        if (!raw.getName().startsWith(OWN_TYPES) || !found.add(raw)) {
            return;
        }
        if (raw.isRecord()) {
            for (var component : raw.getRecordComponents()) {
                ownTypes(ResolvableType.forType(component.getGenericType(), type), found);
            }
        }
    }
}
