package cn.foi.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that changes nothing although it is called with a body (e.g. a POST comparing a pasted
 * published table): anyone who may read the agency may call it, auditors included.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsOnly {
}
