package com.acme;

public class NotATask {
}
