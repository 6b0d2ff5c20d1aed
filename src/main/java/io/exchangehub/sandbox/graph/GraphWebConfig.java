package io.exchangehub.sandbox.graph;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import jakarta.servlet.http.HttpServletRequest;

/** Puts {@link GraphInterceptor} in front of the Graph face and hands handlers their {@link GraphContext}. */
@Configuration(proxyBeanMethods = false)
class GraphWebConfig implements WebMvcConfigurer {

    private final GraphInterceptor interceptor;

    GraphWebConfig(GraphInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns(GraphInterceptor.ROOT, GraphInterceptor.ROOT + "/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == GraphContext.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                    WebDataBinderFactory binderFactory) {
                return GraphContext.of(request.getNativeRequest(HttpServletRequest.class));
            }
        });
    }
}
