package io.exchangehub.api.attachments;

import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.Problems;
import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.TypeConverterSupport;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Beans of the attachment routes ({@code routes/attachments.camel.yaml}). */
@Configuration(proxyBeanMethods = false)
class AttachmentApiConfiguration {

    @Bean
    AttachmentApi attachmentApi(ApiResponses responses) {
        return new AttachmentApi(responses);
    }

    @Bean
    AttachmentContent attachmentContent(Problems problems, CamelContext camel) {
        camel.getTypeConverterRegistry().addTypeConverter(InputStream.class, AttachmentContent.Download.class,
                new TypeConverterSupport() {
                    @Override
                    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                        return type.cast(((AttachmentContent.Download) value).content());
                    }
                });
        return new AttachmentContent(problems);
    }

    @Bean
    AttachmentUploads attachmentUploads() {
        return new AttachmentUploads();
    }

    /** After Spring Security (and so after identity's body limits), before the DispatcherServlet hands the request to Camel. */
    @Bean
    FilterRegistrationBean<UploadBodyFilter> uploadBodyFilter() {
        FilterRegistrationBean<UploadBodyFilter> registration = new FilterRegistrationBean<>(new UploadBodyFilter());
        registration.addUrlPatterns("/api/v1/mail/messages/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
