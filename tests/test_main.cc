#define BOOST_TEST_MODULE clef
#include <boost/test/unit_test.hpp>
