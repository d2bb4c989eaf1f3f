package org.mlc.ledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The headers of a request that changes something are checked before its handler runs. Spring MVC
 * negotiates the answer's type only when it writes the answer, after the handler has sent its
 * command: a payment sent with {@code Accept: application/xml} was committed, then answered 406,
 * and a client retrying with a new key paid twice. Here an {@code Accept} that none of the types
 * the handler can answer in satisfies is a 406, and a {@code Content-Type} that is not one type
 * ({@code *}{@code /*}, {@code application/*}, unparseable) a 415, both before anything is done.
 * (Which concrete type a body may have is Spring's check, also made before the handler runs.)
 */
@Configuration(proxyBeanMethods = false)
public class HeaderChecks implements WebMvcConfigurer, HandlerInterceptor {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;
    private final ObjectProvider<ContentNegotiationManager> negotiation;
    /** Per handler method: the converters and the return types are fixed once the application runs. */
    private final Map<Method, List<MediaType>> byReturnType = new ConcurrentHashMap<>();

    public HeaderChecks(@Qualifier("requestMappingHandlerAdapter") ObjectProvider<RequestMappingHandlerAdapter> adapter,
                        @Qualifier("mvcContentNegotiationManager") ObjectProvider<ContentNegotiationManager> negotiation) {
        this.adapter = adapter;
        this.negotiation = negotiation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        checkContentType(request.getHeader(HttpHeaders.CONTENT_TYPE));
        checkAccept(request, method);
        return true;
    }

    private static void checkContentType(String header) throws HttpMediaTypeNotSupportedException {
        if (header == null || header.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("Content-Type is not a media type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException("Content-Type must name one type, such as application/json");
        }
    }

    private void checkAccept(HttpServletRequest request, HandlerMethod method)
            throws HttpMediaTypeNotAcceptableException {
        List<MediaType> acceptable = negotiation.getObject().resolveMediaTypes(new ServletWebRequest(request));
        List<MediaType> producible = producible(request, method);
        if (producible.isEmpty()) {
            return;
        }
        for (MediaType wanted : acceptable) {
            for (MediaType offered : producible) {
                if (wanted.isCompatibleWith(offered)) {
                    return;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(producible);
    }

    /**
     * What the handler can answer in: its mapping's {@code produces}, else what the message
     * converters can write its return type as (as Spring MVC decides when it writes the answer).
     * Empty when the handler answers no body.
     */
    @SuppressWarnings("unchecked")
    private List<MediaType> producible(HttpServletRequest request, HandlerMethod method) {
        Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (declared instanceof Collection<?> types && !types.isEmpty()) {
            return new ArrayList<>((Collection<MediaType>) types);
        }
        return byReturnType.computeIfAbsent(method.getMethod(), m -> writableTypes(method));
    }

    /** What the message converters can write the handler's return type as, each type once. */
    private List<MediaType> writableTypes(HandlerMethod method) {
        MethodParameter returned = method.getReturnType();
        ResolvableType type = ResolvableType.forMethodParameter(returned);
        if (HttpEntity.class.isAssignableFrom(returned.getParameterType())) {
            type = type.as(HttpEntity.class).getGeneric(0);
        }
        Class<?> body = type.resolve(Object.class);
        if (body == void.class || body == Void.class) {
            return List.of();
        }
        Set<MediaType> result = new LinkedHashSet<>();
        for (HttpMessageConverter<?> converter : adapter.getObject().getMessageConverters()) {
            boolean writes = converter instanceof GenericHttpMessageConverter<?> generic
                    ? generic.canWrite(type.getType(), body, null)
                    : converter.canWrite(body, null);
            if (writes) {
                result.addAll(converter.getSupportedMediaTypes(body));
            }
        }
        return List.copyOf(result);
    }
}
