package io.privatelink.provisioner.cloud;

import java.util.Map;

/** One change to a resource of the cloud (an endpoint, an endpoint service), as one call of the API's actions makes it. */
public interface CloudChange {

    /** The API action that makes the change. */
    String action();

    /** The parameter that names the resource changed. */
    default String idParameter() {
        return "EndpointId";
    }

    /** The action's parameters beside RegionId, the resource's id and ClientToken. */
    Map<String, String> parameters();

    /** What the change acts on (a security group, a zone, the attributes changed); "" for the resource itself. */
    String target();

    /** The step's name in the job's history and in its ClientToken: the action and what it acts on. */
    default String step() {
        return target().isEmpty() ? action() : action() + " " + target();
    }
}
