package routes.local.sns;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of an SQS queue ARN ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}) that an sqs subscription points at. */
record SqsQueueArn(String region, String accountId, String queueName) {

    private static final Pattern FORMAT = Pattern.compile("arn:aws[\\w-]*:sqs:([\\w-]+):(\\d+):([\\w-]{1,80}(\\.fifo)?)");

    static Optional<SqsQueueArn> parse(String arn) {
        Matcher matcher = FORMAT.matcher(arn == null ? "" : arn);
        return matcher.matches()
                ? Optional.of(new SqsQueueArn(matcher.group(1), matcher.group(2), matcher.group(3)))
                : Optional.empty();
    }
}
