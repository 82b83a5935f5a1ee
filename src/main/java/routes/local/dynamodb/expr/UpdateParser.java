package routes.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import routes.local.dynamodb.expr.TokenCursor.Problem;
import routes.local.dynamodb.expr.UpdateAction.Clause;
import routes.local.dynamodb.value.Value;

/**
 * Recursive-descent parser for update expressions: clauses SET, REMOVE, ADD and DELETE, each at most
 * once, in any order (Developer Guide, "Update expressions"). Rejects paths that overlap or conflict.
 */
final class UpdateParser {

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");

    private final TokenCursor cursor;
    private final List<UpdateAction> actions = new ArrayList<>();

    private UpdateParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    static List<UpdateAction> parse(String text, ExpressionAttributes attributes) {
        TokenCursor cursor = new TokenCursor(text, ExpressionKind.UPDATE, attributes);
        UpdateParser parser = new UpdateParser(cursor);
        parser.clauses();
        parser.checkPaths();
        cursor.throwReported();
        return List.copyOf(parser.actions);
    }

    private void clauses() {
        Set<Clause> seen = EnumSet.noneOf(Clause.class);
        do {
            Clause clause = clauseAt();
            if (clause == null) throw cursor.syntaxError();
            cursor.advance();
            if (!seen.add(clause)) {
                cursor.report(Problem.DUPLICATE_SECTION,
                        "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(clause));
            } while (cursor.accept(TokenKind.COMMA));
        } while (!cursor.at(TokenKind.EOF));
    }

    private Clause clauseAt() {
        for (Clause clause : Clause.values()) {
            if (cursor.atKeyword(clause.name())) return clause;
        }
        return null;
    }

    private UpdateAction action(Clause clause) {
        DocumentPath path = path();
        switch (clause) {
            case SET -> {
                cursor.expect(TokenKind.EQ);
                return new UpdateAction.Set(path, setValue());
            }
            case REMOVE -> {
                return new UpdateAction.Remove(path);
            }
            case ADD -> {
                ValueRef value = cursor.value();
                Value v = value.value();
                if (v != null && !(v instanceof Value.N || isSet(v))) {
                    cursor.report(Problem.OPERAND_TYPE, clauseOperandType(clause, v));
                }
                return new UpdateAction.Add(path, value);
            }
            default -> {
                ValueRef value = cursor.value();
                Value v = value.value();
                if (v != null && !isSet(v)) cursor.report(Problem.OPERAND_TYPE, clauseOperandType(clause, v));
                return new UpdateAction.Delete(path, value);
            }
        }
    }

    private DocumentPath path() {
        if (clauseAt() != null && cursor.peek(1) != TokenKind.DOT && cursor.peek(1) != TokenKind.LEFT_BRACKET) {
            throw cursor.syntaxError();
        }
        return cursor.path();
    }

    /**
     * {@code operand}, {@code operand + operand} or {@code operand - operand}, possibly in one pair of
     * parentheses; each operand may have its own pair. Deeper parentheses are a syntax error, as in AWS's grammar.
     */
    private UpdateValue setValue() {
        int open = cursor.position;
        if (cursor.at(TokenKind.LEFT_PAREN)) {
            int close = cursor.matchingParenthesis(open);
            TokenKind after = cursor.tokens.kind(close + 1);
            if (close > 0 && after != TokenKind.PLUS && after != TokenKind.MINUS) {
                cursor.advance();
                UpdateValue inner = arithmetic();
                cursor.expect(TokenKind.RIGHT_PAREN);
                return inner;
            }
        }
        return arithmetic();
    }

    private UpdateValue arithmetic() {
        UpdateValue left = parenthesizedOperand();
        if (cursor.at(TokenKind.PLUS) || cursor.at(TokenKind.MINUS)) {
            boolean plus = cursor.at(TokenKind.PLUS);
            String operator = plus ? "+" : "-";
            cursor.advance();
            cursor.countOperator();
            UpdateValue right = parenthesizedOperand();
            requireType(operator, left, Value.Type.N);
            requireType(operator, right, Value.Type.N);
            return new UpdateValue.Arithmetic(plus, left, right);
        }
        return left;
    }

    private UpdateValue parenthesizedOperand() {
        if (cursor.accept(TokenKind.LEFT_PAREN)) {
            UpdateValue inner = operand();
            cursor.expect(TokenKind.RIGHT_PAREN);
            return inner;
        }
        return operand();
    }

    private UpdateValue operand() {
        if (cursor.at(TokenKind.VALUE_PLACEHOLDER)) return cursor.value();
        if (cursor.at(TokenKind.NAME) && cursor.peek(1) == TokenKind.LEFT_PAREN) return function();
        return path();
    }

    private UpdateValue function() {
        String function = cursor.text();
        cursor.advance();
        cursor.countOperator();
        cursor.expect(TokenKind.LEFT_PAREN);
        List<UpdateValue> arguments = new ArrayList<>(2);
        arguments.add(parenthesizedOperand());
        while (cursor.accept(TokenKind.COMMA)) arguments.add(parenthesizedOperand());
        cursor.expect(TokenKind.RIGHT_PAREN);
        boolean known = function.equals("if_not_exists") || function.equals("list_append");
        if (!known) {
            cursor.report(Problem.UNKNOWN_FUNCTION, CONDITION_FUNCTIONS.contains(function)
                    ? "The function is not allowed in an update expression; function: " + function
                    : "Invalid function name; function: " + function);
            return arguments.get(0);
        }
        if (arguments.size() != 2) {
            cursor.report(Problem.OPERAND_COUNT, ConditionParser.operandCount(function, arguments.size()));
            return arguments.get(0);
        }
        if (function.equals("list_append")) {
            requireType(function, arguments.get(0), Value.Type.L);
            requireType(function, arguments.get(1), Value.Type.L);
            return new UpdateValue.ListAppend(arguments.get(0), arguments.get(1));
        }
        if (!(arguments.get(0) instanceof DocumentPath path)) {
            cursor.report(Problem.OPERAND_TYPE, "Operator or function requires a document path; operator or function: " + function);
            return arguments.get(1);
        }
        return new UpdateValue.IfNotExists(path, arguments.get(1));
    }

    private void requireType(String function, UpdateValue operand, Value.Type type) {
        if (operand instanceof ValueRef ref && ref.value() != null && ref.value().type() != type) {
            cursor.report(Problem.OPERAND_TYPE, ConditionParser.operandType(function, ref.value()));
        }
    }

    private void checkPaths() {
        List<AttributePath> paths = new ArrayList<>(actions.size());
        for (UpdateAction action : actions) paths.add(action.path().resolved());
        cursor.requireSeparate(paths);
    }

    private static boolean isSet(Value value) {
        return value instanceof Value.SS || value instanceof Value.NS || value instanceof Value.BS;
    }

    private static String clauseOperandType(Clause clause, Value value) {
        return "Incorrect operand type for operator or function; operator: " + clause + ", operand type: "
                + TokenCursor.longTypeName(value);
    }
}
