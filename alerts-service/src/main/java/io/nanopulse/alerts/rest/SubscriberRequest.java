package io.nanopulse.alerts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Create or replace a subscriber; webhookUrl is optional (stream-only subscriber). */
public record SubscriberRequest(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
                                @Size(max = 2048, message = "must be at most 2048 characters") String webhookUrl) {
}
