package io.nanopulse.contracts.api.alerts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a subscriber's deliveries, newest first; {@code page} counts from 0. */
@Schema(name = "DeliveryPage", description = "One page of a subscriber's deliveries, newest first.")
public record DeliveryPage(List<Delivery> items, int page, int size, long totalItems) {
}
