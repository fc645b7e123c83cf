package cn.foi.access;

/** The caller is known but may not do this (403); nothing was changed. */
public class Forbidden extends RuntimeException {

    public Forbidden(String detail) {
        super(detail);
    }
}
