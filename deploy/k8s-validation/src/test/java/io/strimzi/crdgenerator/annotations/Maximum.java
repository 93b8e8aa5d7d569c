/*
 * The shape of an annotation that Strimzi's api jar carries at run time on its model getters: the
 * rules its CRD schemas are generated from. Its own artifact (io.strimzi:crd-annotations) does not
 * resolve in this build, and reflection drops an annotation whose type is missing; declaring the
 * same type (same name, same members) lets the validation test read Strimzi's rules.
 */
package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface Maximum {
    int value();
}
