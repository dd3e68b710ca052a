package io.nanopulse.loadgen;

import java.util.List;

/**
 * The published figures the demo corpus reproduces (2025 China nanotechnology white paper, as reported):
 * ~1.078 million nanotech patents 2000–2024, China 464,000 (43%, more than US + JP + KR), the Chinese
 * Academy of Sciences the top holder with 23,400 filings, over 8% of China's patents licensed or
 * transferred. Everything scales linearly with {@code scale}.
 */
final class Calibration {
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2024;
    static final int WORLD_FILINGS = 1_078_000;
    static final int CN_FILINGS = 464_000;
    static final double CN_LICENSING_RATE = 0.084;
    static final double OTHER_LICENSING_RATE = 0.07;
    static final double GRANT_RATE = 0.05;
    static final double SECOND_DEAL_RATE = 0.10;
    static final double RESEND_RATE = 0.01;
    static final double REFILE_RATE = 0.003;
    static final double INVALID_RATE = 0.002;
    static final double DEAL_BEFORE_FILING_RATE = 0.2;

    /** Shares of the non-Chinese filings. US + JP + KR = 62% of 57% = 35% of the world, below China's 43%. */
    record Country(String code, double share, List<String> cities) {
    }

    static final List<Country> OTHERS = List.of(
            new Country("US", 0.30, List.of("Boston", "San Jose", "Austin", "Albany", "Berkeley")),
            new Country("JP", 0.18, List.of("Tokyo", "Osaka", "Tsukuba", "Kawasaki")),
            new Country("KR", 0.14, List.of("Seoul", "Suwon", "Daejeon")),
            new Country("DE", 0.07, List.of("Munich", "Ludwigshafen", "Dresden")),
            new Country("TW", 0.05, List.of("Hsinchu", "Taipei", "New Taipei")),
            new Country("FR", 0.04, List.of("Paris", "Grenoble")),
            new Country("GB", 0.035, List.of("London", "Cambridge")),
            new Country("IN", 0.03, List.of("Bangalore", "Pune")),
            new Country("CH", 0.02, List.of("Zurich", "Lausanne")),
            new Country("NL", 0.02, List.of("Eindhoven", "Delft")),
            new Country("CA", 0.02, List.of("Toronto", "Montreal")),
            new Country("IT", 0.015, List.of("Milan", "Turin")),
            new Country("RU", 0.015, List.of("Moscow", "Novosibirsk")),
            new Country("SG", 0.015, List.of("Singapore")),
            new Country("AU", 0.01, List.of("Sydney", "Melbourne")),
            new Country("IL", 0.01, List.of("Rehovot", "Haifa")),
            new Country("SE", 0.01, List.of("Stockholm", "Lund")),
            new Country("ES", 0.01, List.of("Madrid", "Barcelona")),
            new Country("BE", 0.01, List.of("Leuven", "Brussels")));

    /** A holder with a fixed 25-year total, the raw names it files under and where. */
    record Holder(String id, String displayName, String country, int filings, List<String> rawNames,
                  List<String> cities, String sectorBias) {
    }

    static final List<Holder> HOLDERS = List.of(
            new Holder("cas", "Chinese Academy of Sciences", "CN", 23_400, List.of(
                    "Chinese Academy of Sciences", "Chinese Academy of Sciences", "Chinese Academy of Sciences",
                    "CHINESE ACADEMY OF SCIENCES", "CHINESE ACADEMY OF SCIENCE", "INST OF PHYSICS CAS",
                    "INST OF AUTOMATION CAS", "INST OF COMPUTING TECH CAS", "CHINESE ACAD INST AUTOMATION",
                    "Institute of Metal Research, Chinese Academy of Sciences"),
                    List.of("Beijing", "Beijing", "Beijing", "Shanghai", "Shenyang", "Suzhou"), "MATERIALS"),
            new Holder("samsung", "Samsung Electronics", "KR", 14_500, List.of("Samsung Electronics", "SAMSUNG ELECTRONICS CO LTD"),
                    List.of("Suwon", "Seoul"), "SEMICONDUCTORS"),
            new Holder("tsinghua", "Tsinghua University", "CN", 9_800, List.of("Tsinghua University", "UNIV TSINGHUA"),
                    List.of("Beijing"), "MATERIALS"),
            new Holder("ibm", "IBM", "US", 9_200, List.of("IBM", "INTERNATIONAL BUSINESS MACHINES CORP"),
                    List.of("Albany", "San Jose"), "SEMICONDUCTORS"),
            new Holder("zhejiang", "Zhejiang University", "CN", 8_900, List.of("Zhejiang University", "UNIV ZHEJIANG"),
                    List.of("Hangzhou"), "MATERIALS"),
            new Holder("uc", "University of California", "US", 7_400, List.of("University of California", "UNIV CALIFORNIA"),
                    List.of("Berkeley"), "BIOMEDICINE"),
            new Holder("lg", "LG Electronics", "KR", 6_800, List.of("LG Electronics"), List.of("Seoul"), "ENERGY"),
            new Holder("sjtu", "Shanghai Jiao Tong University", "CN", 6_200, List.of("Shanghai Jiao Tong University"),
                    List.of("Shanghai"), "BIOMEDICINE"),
            new Holder("toshiba", "Toshiba", "JP", 5_600, List.of("Toshiba", "TOSHIBA KK"), List.of("Tokyo", "Kawasaki"), "SEMICONDUCTORS"),
            new Holder("pku", "Peking University", "CN", 5_300, List.of("Peking University", "UNIV PEKING"), List.of("Beijing"), "BIOMEDICINE"),
            new Holder("boe", "BOE Technology Group", "CN", 4_800, List.of("BOE Technology Group"), List.of("Beijing"), "SEMICONDUCTORS"),
            new Holder("honhai", "Hon Hai Precision", "TW", 4_400, List.of("Hon Hai Precision"), List.of("New Taipei"), "SEMICONDUCTORS"),
            new Holder("intel", "Intel", "US", 4_300, List.of("Intel", "INTEL CORP"), List.of("San Jose"), "SEMICONDUCTORS"),
            new Holder("fujifilm", "Fujifilm", "JP", 4_200, List.of("Fujifilm"), List.of("Tokyo"), "MATERIALS"),
            new Holder("fudan", "Fudan University", "CN", 4_100, List.of("Fudan University"), List.of("Shanghai"), "BIOMEDICINE"),
            new Holder("kaist", "KAIST", "KR", 3_900, List.of("KAIST", "KOREA ADVANCED INST SCI & TECH"), List.of("Daejeon"), "MATERIALS"),
            new Holder("aist", "AIST", "JP", 3_800, List.of("AIST"), List.of("Tsukuba"), "MATERIALS"),
            new Holder("huawei", "Huawei Technologies", "CN", 3_600, List.of("Huawei Technologies"), List.of("Shenzhen"), "SEMICONDUCTORS"),
            new Holder("fraunhofer", "Fraunhofer", "DE", 3_300, List.of("Fraunhofer", "FRAUNHOFER GES FORSCHUNG"), List.of("Munich"), "MATERIALS"),
            new Holder("mit", "MIT", "US", 3_100, List.of("MIT", "MASSACHUSETTS INST TECHNOLOGY"), List.of("Boston"), "MATERIALS"),
            new Holder("basf", "BASF", "DE", 2_900, List.of("BASF"), List.of("Ludwigshafen"), "CATALYSIS"));

    /** Alias patterns the demo registers: the platform must roll the raw names up exactly as the corpus did. */
    static final List<String> CAS_ALIASES = List.of("Chinese Academy of Sciences", "CHINESE ACADEMY OF SCIENCE",
            "INST OF * CAS", "CHINESE ACAD *", "* CHINESE ACADEMY OF SCIENCES");

    static final String[] SECTORS = {"SEMICONDUCTORS", "MATERIALS", "BIOMEDICINE", "ENERGY", "CATALYSIS", "ENVIRONMENT", "OTHER"};
    static final double[] SECTOR_WEIGHTS = {0.24, 0.30, 0.18, 0.13, 0.07, 0.05, 0.03};

    /** Chinese cities by sector: semiconductor design in Beijing, Shanghai, Shenzhen, Suzhou; biomedicine in Guangzhou and Shanghai. */
    static List<String> chineseCities(String sector) {
        return switch (sector) {
            case "SEMICONDUCTORS" -> List.of("Beijing", "Shanghai", "Shenzhen", "Suzhou");
            case "BIOMEDICINE" -> List.of("Guangzhou", "Shanghai");
            default -> List.of("Beijing", "Shanghai", "Wuhan", "Nanjing", "Hangzhou", "Tianjin", "Xi'an");
        };
    }

    /** China's share of a year's filings: small in 2000, fast growth after 2010 (scaled so the total hits 43%). */
    static double chinaWeight(int year) {
        return 0.05 + 0.70 / (1 + Math.exp(-(year - 2012) / 2.5));
    }

    /** World filings per year, growing. */
    static double worldWeight(int year) {
        return 15 + (year - FIRST_YEAR) * 2.3;
    }

    private Calibration() {
    }
}
