package io.nanopulse.loadgen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The demo corpus: deterministic by seed, linear in scale. Filings come year by year (a back-fill is
 * roughly chronological), shuffled within each year, with what real feeds also carry: deals and grants
 * in later years (some deals before their filing), exact resends, re-filings under new ids, and invalid
 * records. Per-patent facts are kept in compact arrays so the truth can be recomputed independently.
 */
final class Corpus {
    static final LocalDate LAST_DEAL_DATE = LocalDate.of(2025, 12, 31);

    final long seed;
    final double scale;
    final int patents;
    /** Per patent: country index (0 = CN, then Calibration.OTHERS + 1), holder (-1 = tail), tail name, sector, city, filing day. */
    final byte[] country;
    final short[] holder;
    final String[] rawName;
    final byte[] sector;
    final String[] city;
    final int[] filingDay;
    final String[] countryCodes;

    /** A scale a corpus can have, or an {@link IllegalArgumentException} naming {@code option}. */
    static double checkScale(double scale, String option) {
        if (!(scale > 0 && scale <= 4)) throw new IllegalArgumentException(option + " must be above 0 and at most 4, not " + scale);
        return scale;
    }

    Corpus(long seed, double scale) {
        checkScale(scale, "--scale");
        this.seed = seed;
        this.scale = scale;
        var codes = new ArrayList<String>();
        codes.add("CN");
        Calibration.OTHERS.forEach(c -> codes.add(c.code()));
        countryCodes = codes.toArray(String[]::new);

        int years = Calibration.LAST_YEAR - Calibration.FIRST_YEAR + 1;
        int world = (int) Math.round(Calibration.WORLD_FILINGS * scale);
        int cnTotal = (int) Math.round(Calibration.CN_FILINGS * scale);
        double[] worldW = new double[years];
        double[] cnW = new double[years];
        for (int y = 0; y < years; y++) {
            worldW[y] = Calibration.worldWeight(Calibration.FIRST_YEAR + y);
        }
        int[] perYear = apportion(world, worldW);
        for (int y = 0; y < years; y++) {
            cnW[y] = perYear[y] * Calibration.chinaWeight(Calibration.FIRST_YEAR + y);
        }
        int[] cnPerYear = apportion(cnTotal, cnW);
        // Per year and country.
        int nCountries = codes.size();
        int[][] counts = new int[years][nCountries];
        double[] otherShares = Calibration.OTHERS.stream().mapToDouble(Calibration.Country::share).toArray();
        for (int y = 0; y < years; y++) {
            counts[y][0] = cnPerYear[y];
            int[] others = apportion(perYear[y] - cnPerYear[y], otherShares);
            System.arraycopy(others, 0, counts[y], 1, others.length);
        }
        patents = world;
        country = new byte[world];
        holder = new short[world];
        rawName = new String[world];
        sector = new byte[world];
        city = new String[world];
        filingDay = new int[world];

        SplittableRandom random = new SplittableRandom(seed);
        // Holders' filings spread over the years in proportion to their country's filings.
        int[][] holderPerYear = new int[Calibration.HOLDERS.size()][];
        for (int h = 0; h < Calibration.HOLDERS.size(); h++) {
            var hd = Calibration.HOLDERS.get(h);
            int ci = codes.indexOf(hd.country());
            double[] w = new double[years];
            for (int y = 0; y < years; y++) w[y] = counts[y][ci];
            holderPerYear[h] = apportion((int) Math.round(hd.filings() * scale), w);
        }
        Map<Integer, List<String>> tailNames = new HashMap<>();
        int next = 0;
        for (int y = 0; y < years; y++) {
            int year = Calibration.FIRST_YEAR + y;
            int days = LocalDate.of(year, 12, 31).getDayOfYear();
            for (int c = 0; c < nCountries; c++) {
                int n = counts[y][c];
                int start = next;
                // Holder slots first, then the long tail; filing order is shuffled later.
                for (int h = 0; h < Calibration.HOLDERS.size(); h++) {
                    if (!codes.get(c).equals(Calibration.HOLDERS.get(h).country())) continue;
                    var hd = Calibration.HOLDERS.get(h);
                    for (int k = 0; k < holderPerYear[h][y]; k++) {
                        int p = next++;
                        holder[p] = (short) h;
                        rawName[p] = hd.rawNames().get(random.nextInt(hd.rawNames().size()));
                        sector[p] = (byte) (random.nextDouble() < 0.6 ? indexOf(hd.sectorBias()) : pickSector(random));
                        city[p] = hd.cities().get(random.nextInt(hd.cities().size()));
                    }
                }
                List<String> pool = tailNames.computeIfAbsent(c, k -> tailPool(codes.get(k), scale));
                for (int p = next; p < start + n; p++) {
                    holder[p] = -1;
                    rawName[p] = pool.get(random.nextInt(pool.size()));
                    sector[p] = (byte) pickSector(random);
                    city[p] = c == 0 ? pick(random, Calibration.chineseCities(Calibration.SECTORS[sector[p]]))
                            : (random.nextDouble() < 0.7 ? pick(random, Calibration.OTHERS.get(c - 1).cities()) : null);
                }
                next = start + n;
                for (int p = start; p < next; p++) {
                    country[p] = (byte) c;
                    filingDay[p] = (int) LocalDate.of(year, 1, 1).plusDays(random.nextInt(days)).toEpochDay();
                }
            }
        }
    }

    private static int indexOf(String sector) {
        for (int i = 0; i < Calibration.SECTORS.length; i++) if (Calibration.SECTORS[i].equals(sector)) return i;
        throw new IllegalArgumentException(sector);
    }

    private static int pickSector(SplittableRandom r) {
        double x = r.nextDouble();
        for (int i = 0; i < Calibration.SECTOR_WEIGHTS.length; i++) {
            x -= Calibration.SECTOR_WEIGHTS[i];
            if (x <= 0) return i;
        }
        return Calibration.SECTORS.length - 1;
    }

    private static String pick(SplittableRandom r, List<String> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** Smaller holders of a country: plausible names, one per slot of about 150 filings. */
    private static List<String> tailPool(String cc, double scale) {
        String[] kinds = {"Nano Materials Co", "University of Technology", "Institute of Advanced Materials",
                "Semiconductor Co Ltd", "Biotech Co", "Energy Materials Co", "Catalysis Research Center", "Photonics Ltd"};
        int size = Math.max(40, (int) (3000 * scale * (cc.equals("CN") ? 1 : 0.4)));
        var names = new ArrayList<String>(size);
        for (int i = 0; i < size; i++) {
            names.add(cc + " " + kinds[i % kinds.length] + " " + (i / kinds.length + 1));
        }
        return names;
    }

    /** Integer parts of total in proportion to weights (largest remainder, deterministic). */
    static int[] apportion(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) sum += w;
        int[] out = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum == 0 ? 0 : total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            rest[i] = exact - out[i];
            given += out[i];
        }
        for (int k = 0; k < total - given; k++) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) if (rest[i] > rest[best]) best = i;
            out[best]++;
            rest[best] = -1;
        }
        return out;
    }

    /** Distinct per seed, so corpora of different seeds never share a patent. */
    String patentId(int p) {
        return countryCodes[country[p]] + (1_000_000_000L + Math.floorMod(seed, 200) * 5_000_000L + p) + "A";
    }

    LocalDate filingDate(int p) {
        return LocalDate.ofEpochDay(filingDay[p]);
    }

    private String filedJson(int p, String eventId, String institution) {
        var sb = new StringBuilder(256).append("{\"type\":\"PATENT_FILED\",\"eventId\":\"").append(eventId)
                .append("\",\"patentId\":\"").append(patentId(p)).append("\",\"country\":\"").append(countryCodes[country[p]])
                .append("\",\"institution\":\"").append(institution).append("\",\"sector\":\"").append(Calibration.SECTORS[sector[p]])
                .append("\",\"filingDate\":\"").append(filingDate(p)).append('"');
        if (city[p] != null) sb.append(",\"city\":\"").append(city[p]).append('"');
        return sb.append(",\"cpc\":[\"B82Y30/00\"]}").toString();
    }

    /**
     * Emits the stream block by block (one block per filing year, then one for later deals), each
     * shuffled. Re-filings come at least three blocks after their original, so concurrent senders can
     * never let a re-filing overtake it.
     */
    void stream(Consumer<List<Event>> blocks) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        int years = Calibration.LAST_YEAR - Calibration.FIRST_YEAR + 1;
        var scheduled = new ArrayList<List<Event>>();
        for (int b = 0; b <= years; b++) scheduled.add(new ArrayList<>());
        int p = 0;
        int invalid = 0;
        for (int y = 0; y < years; y++) {
            List<Event> block = scheduled.get(y);
            while (p < patents && LocalDate.ofEpochDay(filingDay[p]).getYear() == Calibration.FIRST_YEAR + y) {
                Event filed = new Event(filedJson(p, "f-" + seed + "-" + p, rawName[p]), Event.Kind.FILED, p, true);
                block.add(filed);
                if (random.nextDouble() < Calibration.RESEND_RATE) {
                    scheduled.get(Math.min(y + random.nextInt(2), years)).add(filed);
                }
                if (random.nextDouble() < Calibration.REFILE_RATE && y + 3 <= years) {
                    scheduled.get(y + 3 + random.nextInt(years - y - 2)).add(new Event(
                            filedJson(p, "rf-" + seed + "-" + p, "Refiled Holder " + (p % 97)), Event.Kind.REFILED, p, true));
                }
                double rate = country[p] == 0 ? Calibration.CN_LICENSING_RATE : Calibration.OTHER_LICENSING_RATE;
                if (random.nextDouble() < rate) {
                    int deals = random.nextDouble() < Calibration.SECOND_DEAL_RATE ? 2 : 1;
                    for (int d = 0; d < deals; d++) {
                        LocalDate eff = min(filingDate(p).plusDays(200 + random.nextInt(1800)), LAST_DEAL_DATE);
                        int when = random.nextDouble() < Calibration.DEAL_BEFORE_FILING_RATE ? y : Math.min(eff.getYear() - Calibration.FIRST_YEAR, years);
                        boolean licence = random.nextDouble() < 0.6;
                        String json = "{\"type\":\"" + (licence ? "PATENT_LICENSED" : "PATENT_TRANSFERRED") + "\",\"eventId\":\"d" + d + "-" + seed + "-" + p
                                + "\",\"patentId\":\"" + patentId(p) + "\",\"counterparty\":\"Licensee " + (p % 211)
                                + "\",\"counterpartyCountry\":\"" + countryCodes[random.nextInt(countryCodes.length)]
                                + "\",\"effectiveDate\":\"" + eff + "\"" + (licence ? "" : ",\"terms\":\"ASSIGNMENT OF ASSIGNORS INTEREST\"") + "}";
                        scheduled.get(Math.max(when, y)).add(new Event(json, Event.Kind.DEAL, p, true));
                    }
                }
                if (random.nextDouble() < Calibration.GRANT_RATE) {
                    LocalDate granted = min(filingDate(p).plusDays(500 + random.nextInt(900)), LAST_DEAL_DATE);
                    String json = "{\"type\":\"PATENT_GRANTED\",\"eventId\":\"g-" + seed + "-" + p + "\",\"patentId\":\""
                            + patentId(p) + "\",\"grantDate\":\"" + granted + "\"}";
                    scheduled.get(Math.min(granted.getYear() - Calibration.FIRST_YEAR, years)).add(new Event(json, Event.Kind.GRANTED, p, true));
                }
                if (random.nextDouble() < Calibration.INVALID_RATE) {
                    block.add(new Event(invalidJson(invalid++, random), Event.Kind.INVALID, -1, false));
                }
                p++;
            }
            shuffle(block, random);
            blocks.accept(block);
            scheduled.set(y, null);
        }
        List<Event> tail = scheduled.get(years);
        shuffle(tail, random);
        blocks.accept(tail);
    }

    private String invalidJson(int i, SplittableRandom random) {
        String id = "bad-" + seed + "-" + i;
        return switch (random.nextInt(5)) {
            case 0 -> "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + id + "\",\"patentId\":\"CN990000" + i + "A\",\"country\":\"XX\",\"institution\":\"Nowhere\",\"sector\":\"MATERIALS\",\"filingDate\":\"2020-01-01\"}";
            case 1 -> "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + id + "\",\"patentId\":\"CN990000" + i + "A\",\"country\":\"CN\",\"institution\":\"Nowhere\",\"sector\":\"NANOMAGIC\",\"filingDate\":\"2020-01-01\"}";
            case 2 -> "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + id + "\",\"patentId\":\"CN990000" + i + "A\",\"country\":\"CN\",\"institution\":\"Nowhere\",\"sector\":\"MATERIALS\",\"filingDate\":\"2999-01-01\"}";
            case 3 -> "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + id + "\",\"patentId\":\"12\",\"country\":\"CN\",\"institution\":\"<script>x</script>'; DROP TABLE patent;--\",\"sector\":\"MATERIALS\",\"filingDate\":\"2020-01-01\"}";
            default -> "{\"type\":\"PATENT_FILED\",\"eventId\":\"" + id + "\",\"patentId\":\"CN990000" + i + "A\",\"country\":\"CN\",\"institution\":\"Bell\\u0007Labs\",\"sector\":\"MATERIALS\",\"filingDate\":\"2020-01-01\"}";
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
