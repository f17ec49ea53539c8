package com.acme;

/** Reads its configuration when the class is loaded, and there is none. */
public class NeedsSetting implements Runnable {

    private static final String MODE = setting("acme.mode");

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("no setting '" + name + "'");
        }
        return value;
    }

    @Override
    public void run() {
        MODE.length();
    }
}
