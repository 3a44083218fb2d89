package org.meterguard.server.aggregates;

import org.meterguard.core.aggregates.AnonymityPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The anonymity policy for aggregate releases (defaults: the CPUC's D.14-05-016) and how many parallel streams
 * read the store.
 *
 * @param residentialMinCustomers the fewest customers a residential cell may hold
 * @param nonResidentialMinCustomers the fewest customers a non-residential cell may hold
 * @param maxSingleShareBasisPoints the largest share one non-residential customer may have, in 1/100 %
 * @param mergeNeighbours whether failing cells are merged with neighbouring areas before suppression
 * @param streams parallel streams over disjoint meter ranges
 */
@ConfigurationProperties("meterguard.aggregates")
public record AggregateProperties(
        @DefaultValue("100") int residentialMinCustomers,
        @DefaultValue("15") int nonResidentialMinCustomers,
        @DefaultValue("1500") int maxSingleShareBasisPoints,
        @DefaultValue("true") boolean mergeNeighbours,
        @DefaultValue("2") int streams) {

    public AnonymityPolicy policy() {
        return new AnonymityPolicy(
                residentialMinCustomers, nonResidentialMinCustomers, maxSingleShareBasisPoints, mergeNeighbours);
    }
}
