package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import routes.local.dynamodb.expr.ConditionNode.Comparator;
import routes.local.dynamodb.expr.TokenCursor.Problem;
import routes.local.dynamodb.value.Numbers;
import routes.local.dynamodb.value.Value;
import routes.local.dynamodb.value.ValueOrder;

/**
 * Recursive-descent parser for condition, filter and key condition expressions. Precedence, loosest
 * first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions; parentheses group
 * (Developer Guide, "Condition and filter expressions, operators and functions": "Precedence").
 * AND and OR group to the left.
 */
final class ConditionParser {

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPE_NAMES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");
    private static final int MAX_IN_OPERANDS = 100;
    /** Every pair of parentheses that is not redundant holds an operator, and there are at most 300 of those. */
    private static final int MAX_DEPTH = 301;
    /** Stands for a function call already reported as a problem, so parsing can go on to find a worse one. */
    private static final ValueRef REPORTED_CALL = new ValueRef(":reported", null);

    private final TokenCursor cursor;
    /** How many parentheses are open; deeper than the operator limit allows, some pair must be redundant. */
    private int depth;
    /** Token positions of the parenthesised group closed last, to spot {@code ((…))}. */
    private int groupOpen = -1;
    private int groupClose = -1;

    private ConditionParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    static ConditionNode parse(String text, ExpressionKind kind, ExpressionAttributes attributes) {
        TokenCursor cursor = new TokenCursor(text, kind, attributes);
        ConditionNode root = new ConditionParser(cursor).or();
        cursor.expectEnd();
        cursor.throwReported();
        return root;
    }

    private ConditionNode or() {
        ConditionNode left = and();
        while (cursor.atKeyword("OR")) {
            cursor.advance();
            cursor.countOperator();
            left = new ConditionNode.Or(left, and());
        }
        return left;
    }

    private ConditionNode and() {
        ConditionNode left = not();
        while (cursor.atKeyword("AND")) {
            cursor.advance();
            cursor.countOperator();
            left = new ConditionNode.And(left, not());
        }
        return left;
    }

    private ConditionNode not() {
        if (cursor.atKeyword("NOT")) {
            cursor.advance();
            cursor.countOperator();
            return new ConditionNode.Not(not());
        }
        return primary();
    }

    private ConditionNode primary() {
        if (cursor.at(TokenKind.LEFT_PAREN) && !parenthesizedOperandAhead()) {
            int open = openGroup();
            ConditionNode inner = or();
            closeGroup(open);
            return inner;
        }
        if (cursor.at(TokenKind.NAME) && cursor.peek(1) == TokenKind.LEFT_PAREN && CONDITION_FUNCTIONS.contains(cursor.text())) {
            String function = cursor.text();
            ConditionNode call = conditionFunction();
            if (atComparison()) {
                cursor.report(Problem.MISUSED_FUNCTION, misused(function));
                comparison(REPORTED_CALL);
            }
            return call;
        }
        Operand left = operand();
        if (atComparison()) return comparison(left);
        if (left instanceof Operand.Size) {
            cursor.report(Problem.MISUSED_FUNCTION, misused("size"));
        } else if (left != REPORTED_CALL) {
            throw cursor.syntaxError();
        }
        return new ConditionNode.Comparison(Comparator.EQ, left, left);
    }

    private ConditionNode comparison(Operand left) {
        cursor.countOperator();
        Comparator comparator = comparatorAt();
        if (comparator != null) {
            cursor.advance();
            Operand right = operand();
            requireDistinct(comparator.symbol, left, right);
            return new ConditionNode.Comparison(comparator, left, right);
        }
        if (cursor.atKeyword("BETWEEN")) {
            cursor.advance();
            Operand lower = operand();
            cursor.expectKeyword("AND");
            Operand upper = operand();
            checkBounds(lower, upper);
            return new ConditionNode.Between(left, lower, upper);
        }
        cursor.expectKeyword("IN");
        cursor.expect(TokenKind.LEFT_PAREN);
        List<Operand> candidates = new ArrayList<>();
        candidates.add(operand());
        while (cursor.accept(TokenKind.COMMA)) candidates.add(operand());
        cursor.expect(TokenKind.RIGHT_PAREN);
        if (candidates.size() > MAX_IN_OPERANDS) {
            cursor.report(Problem.OPERAND_COUNT,
                    "The IN operator is provided with too many operands; number of operands: " + candidates.size());
        }
        return new ConditionNode.In(left, candidates);
    }

    private ConditionNode conditionFunction() {
        String function = cursor.text();
        cursor.advance();
        cursor.countOperator();
        List<Operand> arguments = arguments();
        int expected = function.startsWith("attribute_") && !function.equals("attribute_type") ? 1 : 2;
        if (arguments.size() != expected) {
            cursor.report(Problem.OPERAND_COUNT, operandCount(function, arguments.size()));
            return new ConditionNode.Comparison(Comparator.EQ, REPORTED_CALL, REPORTED_CALL);
        }
        Operand first = arguments.get(0);
        if (expected == 1) {
            if (!(first instanceof DocumentPath path)) {
                cursor.report(Problem.OPERAND_TYPE, "Operator or function requires a document path; operator or function: " + function);
                return new ConditionNode.Comparison(Comparator.EQ, REPORTED_CALL, REPORTED_CALL);
            }
            return function.equals("attribute_exists")
                    ? new ConditionNode.AttributeExists(path) : new ConditionNode.AttributeNotExists(path);
        }
        Operand second = arguments.get(1);
        requireDistinct(function, first, second);
        switch (function) {
            case "attribute_type" -> {
                Value type = constant(second);
                if (type != null && !(type instanceof Value.S)) {
                    cursor.report(Problem.OPERAND_TYPE, operandType(function, type));
                } else if (type != null && !TYPE_NAMES.contains(((Value.S) type).value())) {
                    cursor.report(Problem.OPERAND_TYPE, "Invalid attribute type name found; type: " + ((Value.S) type).value()
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
                }
                return new ConditionNode.AttributeType(first, second);
            }
            case "begins_with" -> {
                for (Operand argument : arguments) {
                    Value value = constant(argument);
                    if (value != null && !(value instanceof Value.S) && !(value instanceof Value.B)) {
                        cursor.report(Problem.OPERAND_TYPE, operandType(function, value));
                    }
                }
                return new ConditionNode.BeginsWith(first, second);
            }
            default -> {
                return new ConditionNode.Contains(first, second);
            }
        }
    }

    /** A path, a :value, size(…), or an operand in parentheses. */
    private Operand operand() {
        if (cursor.at(TokenKind.LEFT_PAREN)) {
            int open = openGroup();
            Operand inner = operand();
            closeGroup(open);
            return inner;
        }
        if (cursor.at(TokenKind.VALUE_PLACEHOLDER)) return cursor.value();
        if (cursor.at(TokenKind.NAME) && cursor.peek(1) == TokenKind.LEFT_PAREN) return functionOperand();
        if (cursor.at(TokenKind.NAME_PLACEHOLDER) || (cursor.at(TokenKind.NAME) && !atOperatorKeyword())) return cursor.path();
        throw cursor.syntaxError();
    }

    private Operand functionOperand() {
        String function = cursor.text();
        cursor.advance();
        cursor.countOperator();
        List<Operand> arguments = arguments();
        if (function.equals("size")) {
            if (arguments.size() != 1) {
                cursor.report(Problem.OPERAND_COUNT, operandCount(function, arguments.size()));
                return REPORTED_CALL;
            }
            Value value = constant(arguments.get(0));
            if (value != null && Operand.Size.sizeOf(value) < 0) {
                cursor.report(Problem.OPERAND_TYPE, operandType(function, value));
            }
            return new Operand.Size(arguments.get(0));
        }
        if (CONDITION_FUNCTIONS.contains(function)) {
            cursor.report(Problem.MISUSED_FUNCTION, misused(function));
        } else if (UPDATE_FUNCTIONS.contains(function)) {
            cursor.report(Problem.UNKNOWN_FUNCTION, "The function is not allowed in a condition expression; function: " + function);
        } else {
            cursor.report(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + function);
        }
        return REPORTED_CALL;
    }

    private List<Operand> arguments() {
        cursor.expect(TokenKind.LEFT_PAREN);
        List<Operand> arguments = new ArrayList<>(2);
        arguments.add(operand());
        while (cursor.accept(TokenKind.COMMA)) arguments.add(operand());
        cursor.expect(TokenKind.RIGHT_PAREN);
        return arguments;
    }

    private int openGroup() {
        int open = cursor.position;
        cursor.advance();
        if (++depth > MAX_DEPTH) throw cursor.kind.invalid("The expression has redundant parentheses;");
        return open;
    }

    private void closeGroup(int open) {
        depth--;
        if (groupOpen == open + 1 && groupClose == cursor.position - 1) {
            cursor.report(Problem.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
        }
        cursor.expect(TokenKind.RIGHT_PAREN);
        groupOpen = open;
        groupClose = cursor.position - 1;
    }

    /** At "(": whether the group is an operand, as in {@code (size(a)) > :n}, rather than a condition. */
    private boolean parenthesizedOperandAhead() {
        int close = cursor.matchingParenthesis(cursor.position);
        if (close < 0) return false;
        Tokens tokens = cursor.tokens;
        return comparatorOf(tokens.kind(close + 1)) != null || tokens.isKeyword(close + 1, "BETWEEN") || tokens.isKeyword(close + 1, "IN");
    }

    private boolean atComparison() {
        return comparatorAt() != null || cursor.atKeyword("BETWEEN") || cursor.atKeyword("IN");
    }

    private boolean atOperatorKeyword() {
        return cursor.atKeyword("AND") || cursor.atKeyword("OR") || cursor.atKeyword("NOT")
                || cursor.atKeyword("BETWEEN") || cursor.atKeyword("IN");
    }

    private Comparator comparatorAt() {
        return comparatorOf(cursor.peek());
    }

    private static Comparator comparatorOf(TokenKind kind) {
        return switch (kind) {
            case EQ -> Comparator.EQ;
            case NE -> Comparator.NE;
            case LT -> Comparator.LT;
            case LE -> Comparator.LE;
            case GT -> Comparator.GT;
            case GE -> Comparator.GE;
            default -> null;
        };
    }

    private void requireDistinct(String operator, Operand first, Operand second) {
        if (first instanceof DocumentPath a && second instanceof DocumentPath b && a.resolved().equals(b.resolved())) {
            cursor.report(Problem.DISTINCT_OPERANDS,
                    "The first operand must be distinct from the remaining operands for this operator or function; operator: "
                            + operator + ", first operand: " + a.resolved());
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        Value low = constant(lower);
        Value high = constant(upper);
        if (low == null || high == null) return;
        String bounds = "lower bound operand: AttributeValue: {" + describe(low) + "}, upper bound operand: AttributeValue: {"
                + describe(high) + "}";
        if (low.type() != high.type()) {
            cursor.report(Problem.OPERAND_TYPE, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (ValueOrder.comparable(low, high) && ValueOrder.compare(low, high) > 0) {
            cursor.report(Problem.OPERAND_TYPE,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    private static Value constant(Operand operand) {
        return operand instanceof ValueRef ref ? ref.value() : null;
    }

    private static String describe(Value value) {
        String shown;
        if (value instanceof Value.S s) shown = s.value();
        else if (value instanceof Value.N n) shown = Numbers.format(n.value());
        else if (value instanceof Value.B b) shown = b.value().base64();
        else shown = String.valueOf(value);
        return value.type() + ":" + shown;
    }

    private static String misused(String function) {
        return "The function is not allowed to be used this way in an expression; function: " + function;
    }

    static String operandCount(String function, int count) {
        return "Incorrect number of operands for operator or function; operator or function: " + function
                + ", number of operands: " + count;
    }

    static String operandType(String function, Value value) {
        return "Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + value.type();
    }
}
