package charon.security;

/** CDI event: an account's password was reset (or it was deactivated); its sessions no longer count. */
public record CredentialsChanged(int userId) {
}
