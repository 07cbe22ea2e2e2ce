package io.switchboard.directory.domain;

public enum UserStatus {
    INVITED, ACTIVE, DEACTIVATED
}
