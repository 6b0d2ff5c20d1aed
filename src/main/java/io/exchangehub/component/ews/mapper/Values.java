package io.exchangehub.component.ews.mapper;

import java.util.ArrayList;
import java.util.List;
import microsoft.exchange.webservices.data.property.complex.StringList;

/** Reading ews-java-api properties that a request may not have loaded: ews-java-api throws for those, the model has null. */
final class Values {

    /**
     * A property read.
     *
     * @param <T> its type
     */
    @FunctionalInterface
    interface Getter<T> {
        T get() throws Exception;
    }

    private Values() {}

    static <T> T get(Getter<T> getter) {
        try {
            return getter.get();
        } catch (Exception notLoaded) {
            return null;
        }
    }

    static boolean flag(Getter<Boolean> getter) {
        return Boolean.TRUE.equals(get(getter));
    }

    static List<String> strings(Getter<StringList> getter) {
        StringList list = get(getter);
        List<String> values = new ArrayList<>();
        if (list != null) {
            list.forEach(values::add);
        }
        return List.copyOf(values);
    }
}
