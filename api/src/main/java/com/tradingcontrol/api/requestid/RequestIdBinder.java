package com.tradingcontrol.api.requestid;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.function.Supplier;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.ContainerRequest;

/** Makes {@link RequestId} injectable with {@code @Context} in resources and providers. */
public final class RequestIdBinder extends AbstractBinder {

    @Override
    protected void configure() {
        bindFactory(RequestIdSupplier.class).to(RequestId.class).in(RequestScoped.class);
    }

    static final class RequestIdSupplier implements Supplier<RequestId> {
        private final Provider<ContainerRequest> request;

        @Inject
        RequestIdSupplier(Provider<ContainerRequest> request) {
            this.request = request;
        }

        @Override
        public RequestId get() {
            // Jersey's servlet container exposes servlet request attributes as request properties.
            Object id = request.get().getProperty(RequestIds.ATTRIBUTE);
            if (id == null) {
                throw new IllegalStateException("RequestIdFilter did not run for this request");
            }
            return new RequestId(id.toString());
        }
    }
}
