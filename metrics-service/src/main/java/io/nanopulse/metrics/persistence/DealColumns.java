package io.nanopulse.metrics.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nanopulse.contracts.Json;
import io.nanopulse.metrics.domain.Deal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a patent's deals ({@code patent.deals}: {@code [{"id": eventId, "date": effectiveDate}, …]}) and
 * of the eventIds of its retracted deals ({@code patent.retracted_deals}: {@code ["lic-1", …]}). Empty lists are
 * SQL NULL, so a patent without deals costs nothing. A row whose deals were recorded before they were kept one by
 * one has only {@code first_deal_date}: it reads as one deal without an eventId.
 */
final class DealColumns {
    private DealColumns() {
    }

    static String deals(List<Deal> deals) {
        if (deals.isEmpty()) {
            return null;
        }
        ArrayNode array = Json.mapper().createArrayNode();
        for (Deal d : deals) {
            var o = array.addObject();
            if (d.eventId() != null) {
                o.put("id", d.eventId());
            }
            o.put("date", d.effectiveDate().toString());
        }
        return array.toString();
    }

    static String eventIds(List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        ArrayNode array = Json.mapper().createArrayNode();
        ids.forEach(array::add);
        return array.toString();
    }

    static List<Deal> deals(String json, LocalDate firstDealDate) {
        if (json == null) {
            return firstDealDate == null ? List.of() : List.of(new Deal(null, firstDealDate));
        }
        JsonNode array = read(json);
        var deals = new ArrayList<Deal>(array.size());
        for (JsonNode d : array) {
            JsonNode id = d.get("id");
            deals.add(new Deal(id == null ? null : id.asText(), LocalDate.parse(d.get("date").asText())));
        }
        return deals;
    }

    static List<String> eventIds(String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode array = read(json);
        var ids = new ArrayList<String>(array.size());
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable deals column", e);
        }
    }
}
