package io.privatelink.provisioner.stack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Which methods each function takes (a function that changes something takes POST only, so that no GET ever does),
 * and the read functions' JSON bodies read as strictly as the writes': unknown fields and wrong types refused by name.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class FunctionMethodsAndReadBodiesTest {

    /** The paths of the caller-facing functions of these kinds, from the table of functions. */
    static Stream<String> paths(ServiceFunction.Kind... kinds) {
        return Stream.of(ServiceFunction.values()).filter(f -> List.of(kinds).contains(f.kind()))
                .map(ServiceFunction::path);
    }

    static Stream<String> changing() {
        return paths(ServiceFunction.Kind.ACCEPTS, ServiceFunction.Kind.CHANGES);
    }

    static Stream<String> reading() {
        return paths(ServiceFunction.Kind.READS);
    }

    @ParameterizedTest
    @MethodSource("changing")
    void aFunctionThatChangesSomethingRefusesAGet(String path) {
        // A caller the function would take by its role: the method is what is refused.
        String[] roles = ServiceFunction.at(path).orElseThrow().roles().toArray(String[]::new);
        given().auth().oauth2(Callers.token("methods", null, roles))
                .queryParam("RegionId", "cn-hangzhou").queryParam("VpcId", "vpc-demo01")
                .queryParam("ServiceId", "epsrv-demo01").queryParam("JobId", "job-x")
                .when().get(path)
                .then().statusCode(405).header("Allow", "POST")
                .body("Code", equalTo("UnsupportedHTTPMethod"), "Message", equalTo("This function takes POST."));
    }

    @ParameterizedTest
    @MethodSource("reading")
    void aReadFunctionTakesGetAndPostOnly(String path) {
        given().auth().oauth2(Callers.provisionerToken())
                .when().put(path)
                .then().statusCode(405).header("Allow", "GET, POST").body("Code", equalTo("UnsupportedHTTPMethod"));
    }

    static Stream<Arguments> strictBodies() {
        return Stream.of(
                Arguments.of("/GetVpcEndpointJob", "{\"JobId\": \"job-x\", \"Bogus\": 1}",
                        "The parameter Bogus is not a GetVpcEndpointJob parameter."),
                Arguments.of("/GetVpcEndpointJob", "{\"JobId\": 5}",
                        "The parameter JobId has the wrong type: it takes a string."),
                Arguments.of("/GetVpcEndpoint", "{\"EndpointId\": \"ep-x\", \"Region\": \"cn-hangzhou\"}",
                        "The parameter Region is not a GetVpcEndpoint parameter."),
                Arguments.of("/ListVpcEndpointJobs", "{\"MaxResults\": true}",
                        "The parameter MaxResults has the wrong type: it takes an integer."),
                Arguments.of("/ListVpcEndpointJobs", "{\"JobStatus\": [\"Active\"]}",
                        "The parameter JobStatus has the wrong type: it takes a string."),
                Arguments.of("/ListVpcEndpoints", "{\"MaxResults\": 5.5}",
                        "The parameter MaxResults has the wrong type: it takes an integer."),
                Arguments.of("/ListVpcEndpoints", "[1]",
                        "The parameter (body) has the wrong type: it takes a JSON object."));
    }

    @ParameterizedTest
    @MethodSource("strictBodies")
    void aReadFunctionsBodyNamesOnlyItsParametersInTheirTypes(String path, String body, String message) {
        given().auth().oauth2(Callers.provisionerToken()).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(400).body("Code", equalTo("InvalidParameter"), "Message", equalTo(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"MaxResults\": 3}", "{\"MaxResults\": \"3\"}"})
    void maxResultsIsANumberOrAStringOfDigits(String body) {
        given().auth().oauth2(Callers.provisionerToken()).contentType(ContentType.JSON).body(body)
                .when().post("/ListVpcEndpointJobs")
                .then().statusCode(200).body("MaxResults", equalTo(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ListVpcEndpointJobs", "/ListVpcEndpoints"})
    void aListWithoutABodyIsTheFirstPageUnfiltered(String path) {
        given().auth().oauth2(Callers.provisionerToken())
                .when().post(path)
                .then().statusCode(200).body("MaxResults", equalTo(20));
    }
}
