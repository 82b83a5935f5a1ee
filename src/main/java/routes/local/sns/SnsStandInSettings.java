package routes.local.sns;
public record SnsStandInSettings(String host, int port, String region, String accountId, java.nio.file.Path stateFile) {}
