package org.mlc.ledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import org.mlc.ledger.api.aid.AidController;
import org.mlc.ledger.api.bonus.BonusBudgetController;
import org.mlc.ledger.api.counter.CounterController;
import org.mlc.ledger.api.currency.CurrencyController;
import org.mlc.ledger.api.participant.ParticipantController;
import org.mlc.ledger.api.payment.PaymentController;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Examples of the main bodies, by their Java type: wherever a request or an answer of that type
 * is documented, it shows the example (the walk-through of the README, the Bou'Sol at 20 € = 21).
 * Amounts are strings with two decimals, as the API reads and writes them.
 */
final class OpenApiExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<Class<?>, String> EXAMPLES = Map.ofEntries(
            Map.entry(CurrencyController.DefineCurrencyRequest.class, """
                    {"code": "BOUSOL", "name": "Bou'Sol", "conversion": {"euros": "20", "units": "21"},
                     "reconversionFee": "0.05", "membershipFee": "3.00"}"""),
            Map.entry(ParticipantController.RegisterRequest.class, """
                    {"kind": "MERCHANT", "name": "Epicerie du port", "currency": "BOUSOL",
                     "filiere": "ALIMENTATION"}"""),
            Map.entry(ParticipantController.Registered.class, """
                    {"id": "0b6f4a4e-1c1e-4f0e-9a77-5f2b9d1c8e21", "accountId": "5d3c2b1a-8f7e-4d6c-b5a4-392817161514"}"""),
            Map.entry(BonusBudgetController.BudgetRequest.class, """
                    {"sponsor": "7a1e0c3d-2b4f-4e5a-9c8d-1f2e3d4c5b6a", "euros": "1000.00", "from": "2026-01-01",
                     "to": "2099-12-31", "monthlyCapPerMember": "5.00"}"""),
            Map.entry(CounterController.ConversionRequest.class, """
                    {"participant": "0b6f4a4e-1c1e-4f0e-9a77-5f2b9d1c8e21", "euros": "20.00", "paidBy": "CASH",
                     "payout": "ACCOUNT"}"""),
            Map.entry(CounterController.ConversionAnswer.class, """
                    {"id": "c0a8f1e2-3d4b-4c5a-8e9f-0a1b2c3d4e5f", "euros": "20.00", "units": "21.00",
                     "bonus": "1.00", "payout": "ACCOUNT"}"""),
            Map.entry(PaymentController.PaymentRequest.class, """
                    {"from": "5d3c2b1a-8f7e-4d6c-b5a4-392817161514", "to": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
                     "amount": "12.50", "reference": "ticket 4127"}"""),
            Map.entry(PaymentController.PaymentAnswer.class, """
                    {"id": "3f2e1d0c-9b8a-4796-a5b4-c3d2e1f0a9b8", "from": "5d3c2b1a-8f7e-4d6c-b5a4-392817161514",
                     "to": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "amount": "12.50", "currency": "BOUSOL",
                     "reference": "ticket 4127", "status": "COMPLETED"}"""),
            Map.entry(AidController.GrantRequest.class, """
                    {"beneficiary": "0b6f4a4e-1c1e-4f0e-9a77-5f2b9d1c8e21", "units": "30.00", "expires": "2027-06-30"}"""),
            Map.entry(AidController.GrantAnswer.class, """
                    {"id": "6b5a4f3e-2d1c-4b0a-9f8e-7d6c5b4a3f2e", "program": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                     "beneficiary": "0b6f4a4e-1c1e-4f0e-9a77-5f2b9d1c8e21",
                     "accountId": "5d3c2b1a-8f7e-4d6c-b5a4-392817161514", "units": "30.00", "outcome": "GRANTED",
                     "expires": "2027-06-30"}"""));

    private OpenApiExamples() {
    }

    static void add(Operation operation, HandlerMethod handler) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                    .map(p -> EXAMPLES.get(p.getParameterType()))
                    .filter(example -> example != null)
                    .findFirst()
                    .ifPresent(example -> operation.getRequestBody().getContent().forEach((type, media) -> {
                        if (type.contains("json")) {
                            media.setExample(parsed(example));
                        }
                    }));
        }
        String answer = EXAMPLES.get(answerType(handler));
        if (answer != null && operation.getResponses() != null) {
            operation.getResponses().forEach((code, response) -> {
                if (code.startsWith("2")) {
                    exampleInJson(response, answer);
                }
            });
        }
    }

    private static void exampleInJson(ApiResponse response, String example) {
        if (response.getContent() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
            if (media.getKey().contains("json")) {
                media.getValue().setExample(parsed(example));
            }
        }
    }

    /** The body's type: the method's return type, or what its {@code ResponseEntity} holds. */
    private static Type answerType(HandlerMethod handler) {
        Type type = handler.getMethod().getGenericReturnType();
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType() == org.springframework.http.ResponseEntity.class) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Object parsed(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an OpenAPI example is not JSON: " + json, e);
        }
    }
}
